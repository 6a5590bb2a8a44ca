/**
 * Tests of the release tarball as an administrator gets it: unpacked, run on its bundled runtime,
 * installed by its scripts, its systemd unit checked by systemd. Failsafe runs them after {@code
 * package}.
 */
package dev.hl7ferry.edge.dist;
