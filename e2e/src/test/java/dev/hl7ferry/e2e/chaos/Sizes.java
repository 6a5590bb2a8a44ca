package dev.hl7ferry.e2e.chaos;

import java.time.Duration;

/**
 * How long and how hard each scenario runs: {@link #full} for {@code scripts/chaos}, {@link #quick}
 * for the CI test (the same scenarios in seconds).
 *
 * @param steady how long the senders send in a scenario without a special phase
 * @param perSecond each good sender's pace in the paced scenarios: low, because the pipeline behind
 *     the edge (shipping, the local converter's two instances, delivery, all through ElasticMQ on
 *     the same 2 cores) drains only tens of messages a second on a busy machine
 * @param cloudDown how long the local cloud is frozen
 * @param destinationDown how long the sink is dead
 * @param floodPerPhase messages each good sender sends in each phase of the flood scenario (quiet,
 *     flood, quiet): in the full run a phase of several seconds, so the flood is measured as the
 *     state it is (1,000 connections held, slow senders trickling for minutes), its opening burst
 *     (~1 s of both cores) included but not the whole phase
 * @param floodTarget the good senders' flooded rate must reach this share of their quiet rate for
 *     the row to pass: 80% in the full run; looser in the quick sizes, whose phases last about a
 *     second, no longer than opening 1,000 connections on the same 2 cores takes
 * @param floodConnections idle connections opened at once
 * @param slowSenders connections that send a message one byte a second
 * @param drain longest wait for the acknowledged messages to arrive after a scenario; it ends as
 *     soon as all arrived
 * @param stall a drain also ends after this long without a new arrival (stuck, not slow): longer
 *     than the outbound queue's 30 s visibility timeout, after which an output the killed edge had
 *     taken but not stored comes back
 */
record Sizes(
    String name,
    Duration steady,
    int senders,
    int perSecond,
    Duration cloudDown,
    Duration destinationDown,
    int floodPerPhase,
    double floodTarget,
    int floodConnections,
    int slowSenders,
    Duration drain,
    Duration stall,
    int diskMib) {

  /**
   * The CI share of the quiet rate under the flood: a quick phase (12 messages per sender) lasts
   * about as long as opening the 1,000 connections, which takes the same 2 cores (RELIABILITY.md).
   */
  static final double QUICK_FLOOD_TARGET = 0.10;

  static Sizes full() {
    return new Sizes(
        "full",
        Duration.ofSeconds(30),
        8,
        5,
        Duration.ofSeconds(30),
        Duration.ofSeconds(20),
        600,
        0.80,
        1000,
        50,
        Duration.ofSeconds(1200),
        Duration.ofSeconds(90),
        160);
  }

  static Sizes quick() {
    return new Sizes(
        "quick",
        Duration.ofSeconds(3),
        8,
        2,
        Duration.ofSeconds(5),
        Duration.ofSeconds(3),
        12,
        QUICK_FLOOD_TARGET,
        1000,
        20,
        Duration.ofSeconds(120),
        Duration.ofSeconds(45),
        160);
  }
}
