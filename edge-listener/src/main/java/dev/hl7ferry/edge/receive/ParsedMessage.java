package dev.hl7ferry.edge.receive;

import dev.hl7ferry.core.message.MessageHeader;
import dev.hl7ferry.edge.spool.IncomingMessage;
import java.nio.charset.Charset;

/**
 * A frame that read as HL7 with the minimum header, on its way from {@link MessageReader} to {@link
 * SpoolHandoff}.
 *
 * @param message what the spool stores
 * @param header its MSH, for the acknowledgement
 * @param charset the charset it was decoded with, which its acknowledgement is encoded in
 */
public record ParsedMessage(IncomingMessage message, MessageHeader header, Charset charset) {}
