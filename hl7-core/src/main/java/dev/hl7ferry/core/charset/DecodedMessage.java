package dev.hl7ferry.core.charset;

import dev.hl7ferry.core.message.Hl7Message;
import java.nio.charset.Charset;

/** A message decoded from bytes, the charset used, and whether MSH-18 had to fall back. */
public record DecodedMessage(Hl7Message message, Charset charset, boolean fallbackUsed) {}
