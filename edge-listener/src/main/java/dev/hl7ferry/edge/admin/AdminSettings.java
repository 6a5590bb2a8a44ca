package dev.hl7ferry.edge.admin;

import java.util.Optional;

/**
 * Where the admin port listens and who may read it.
 *
 * @param bindAddress the address to bind, e.g. {@code 127.0.0.1}
 * @param port the port, 0 for any free one
 * @param token the access token guarding everything but {@code /healthz}; empty for none
 * @param refreshSeconds how often the status page refreshes itself
 */
public record AdminSettings(
    String bindAddress, int port, Optional<AccessToken> token, int refreshSeconds) {}
