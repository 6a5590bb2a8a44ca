/**
 * The admin port: a small HTTP server (the JDK's {@code com.sun.net.httpserver}) for {@code
 * /healthz}, {@code /readyz}, {@code /metrics}, the status page {@code /} and its {@code
 * /status.json}, with an optional access token guarding all but {@code /healthz}. Reads the status
 * and metrics, never message content; runs on threads of its own, apart from MLLP.
 */
package dev.hl7ferry.edge.admin;
