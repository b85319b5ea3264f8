package co.rtm.hub.store;

import java.sql.Connection;

/** An open transaction: the connection to run statements on and the dialect to phrase them in. */
public record Tx(Connection connection, Dialect dialect) {
}
