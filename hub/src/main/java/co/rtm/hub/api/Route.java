package co.rtm.hub.api;

import io.javalin.http.Handler;

/** One endpoint of the API: method, Javalin path ({@code /api/centers/{id}}), who may call it, what it does. */
record Route(String method, String path, Access access, Handler handler) {
}
