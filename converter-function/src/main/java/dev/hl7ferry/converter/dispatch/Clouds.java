package dev.hl7ferry.converter.dispatch;

import dev.hl7ferry.contract.result.Correlation;
import dev.hl7ferry.converter.destination.CloudSender;
import dev.hl7ferry.converter.original.Original;
import dev.hl7ferry.converter.original.Originals;
import java.io.IOException;
import java.util.Optional;

/**
 * What the converter needs beyond the edges' queues: the sender to cloud destinations and the store
 * of originals that results are matched with.
 */
public record Clouds(CloudSender sender, Originals originals) {

  /** None wired: a route naming a cloud destination, or a result, fails its record. */
  public static final Clouds NONE =
      new Clouds(
          (destination, delivery) -> {
            throw new IOException("no cloud sender is wired in this process");
          },
          new Originals() {
            @Override
            public void put(String site, Original original) throws IOException {
              throw new IOException("no store of originals is wired in this process");
            }

            @Override
            public Optional<Original> find(String site, Correlation correlation)
                throws IOException {
              throw new IOException("no store of originals is wired in this process");
            }
          });
}
