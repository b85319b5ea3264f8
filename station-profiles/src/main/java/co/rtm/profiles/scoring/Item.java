package co.rtm.profiles.scoring;

/** One value of a derived quantity, with what it belongs to (an axle, a wheel, a lamp, a phase) in the FUR's words. */
record Item(String label, double value) {
}
