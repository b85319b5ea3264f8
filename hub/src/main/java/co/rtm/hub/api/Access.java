package co.rtm.hub.api;

import co.rtm.hub.supervision.Role;

/** Who may call a route. */
enum Access {
    /** No login. */
    PUBLIC,
    /** Any logged-in supervisor, auditor or admin. */
    READ,
    /** Supervisors and admins: acknowledging alerts. */
    ACK,
    /** Admins only: accounts and the registry. */
    ADMIN;

    boolean allows(Role role) {
        return switch (this) {
            case PUBLIC, READ -> true;
            case ACK -> role.mayAcknowledge();
            case ADMIN -> role.mayManageUsers();
        };
    }
}
