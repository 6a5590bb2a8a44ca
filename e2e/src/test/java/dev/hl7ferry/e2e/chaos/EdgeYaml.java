package dev.hl7ferry.e2e.chaos;

/**
 * The edge's configuration in the chaos stack: shipping to the local cloud and delivering to the
 * sink, with retry delays and timeouts short enough for outages of seconds to end in seconds.
 */
final class EdgeYaml {
  private EdgeYaml() {}

  static String render(
      String region,
      int s3Port,
      int sqsPort,
      String bucket,
      String inboundQueue,
      String outboundQueue,
      String receiptsQueue,
      int sinkPort,
      int frameTimeoutSeconds) {
    return """
        # Written by the chaos suite (dev.hl7ferry.e2e.chaos.Stack).
        listener:
          bindAddress: 127.0.0.1
          # The flood scenario holds 1,000 connections plus slow senders beside the 8 good ones.
          maxConnections: 2000
          # Every connection here comes from 127.0.0.1, where a flood stands for many hospitals'
          # systems: the per-address cap (64) and accept rate (100/s) would refuse it at the door.
          maxConnectionsPerIp: 4000
          acceptRatePerSecond: 10000
          acceptBurst: 4000
          # The oversized-frame scenario sends frames past this.
          maxFrameBytes: 1048576
          frameTimeoutSeconds: %d
        cloud:
          region: %s
          s3Endpoint: http://127.0.0.1:%d
          sqsEndpoint: http://127.0.0.1:%d
          pathStyle: true
          connectTimeoutMillis: 1000
          requestTimeoutSeconds: 5
        ship:
          enabled: true
          site: %s
          bucket: %s
          queueUrl: %s
          encryption: none
          initialBackoffMillis: 200
          maxBackoffMillis: 2000
        outbound:
          queueUrl: %s
          receiptsQueueUrl: %s
          waitTimeSeconds: 1
          initialBackoffMillis: 200
          maxBackoffMillis: 2000
          destinations:
            lis: {type: mllp, host: 127.0.0.1, port: %d, connectTimeoutMillis: 1000, ackTimeoutMillis: 5000}
        """
        .formatted(
            frameTimeoutSeconds,
            region,
            s3Port,
            sqsPort,
            Stack.SITE,
            bucket,
            inboundQueue,
            outboundQueue,
            receiptsQueue,
            sinkPort);
  }
}
