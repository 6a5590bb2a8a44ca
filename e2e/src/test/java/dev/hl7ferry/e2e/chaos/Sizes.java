package dev.hl7ferry.e2e.chaos;

import java.time.Duration;

/**
 * How long and how hard each scenario runs: {@link #full} for {@code scripts/chaos}, {@link #quick}
 * for the CI test (the same scenarios in seconds).
 *
 * @param steady how long the senders send in a scenario without a special phase
 * @param perSecond each good sender's pace in the paced scenarios (the pipeline behind the edge
 *     drains a few hundred messages a second on this machine, so the backlog stays drainable)
 * @param cloudDown how long the local cloud is frozen
 * @param destinationDown how long the sink is dead
 * @param floodPerPhase messages each good sender sends in each phase of the flood scenario (quiet,
 *     flood, quiet)
 * @param floodConnections idle connections opened at once
 * @param slowSenders connections that send a message one byte a second
 * @param drain longest wait for the acknowledged messages to arrive after a scenario
 */
record Sizes(
    String name,
    Duration steady,
    int senders,
    int perSecond,
    Duration cloudDown,
    Duration destinationDown,
    int floodPerPhase,
    int floodConnections,
    int slowSenders,
    Duration drain,
    int diskMib) {

  static Sizes full() {
    return new Sizes(
        "full",
        Duration.ofSeconds(30),
        8,
        2,
        Duration.ofSeconds(30),
        Duration.ofSeconds(20),
        150,
        1000,
        50,
        Duration.ofSeconds(600),
        160);
  }

  static Sizes quick() {
    return new Sizes(
        "quick",
        Duration.ofSeconds(4),
        8,
        2,
        Duration.ofSeconds(5),
        Duration.ofSeconds(3),
        40,
        1000,
        20,
        Duration.ofSeconds(120),
        160);
  }
}
