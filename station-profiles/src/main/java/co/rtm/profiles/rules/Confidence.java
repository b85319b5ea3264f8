package co.rtm.profiles.rules;

/** How sure the research is of a number (../shared/research/thresholds.md §0): High, Medium, Low, Not Found. */
public enum Confidence { H, M, L, NF }
