package co.rtm.agent.instruments.lane;

/** What the lane light shows: GREEN the lane is free to enter, RED stop / busy, OFF dark. */
public enum LaneLight { GREEN, RED, OFF }
