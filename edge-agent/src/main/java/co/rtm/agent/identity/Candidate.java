package co.rtm.agent.identity;

import co.rtm.profiles.person.DocumentId;

/** A 1:N hit: a document whose enrolled template scored {@code score} (at least the threshold) against the probe. */
public record Candidate(DocumentId document, double score) {}
