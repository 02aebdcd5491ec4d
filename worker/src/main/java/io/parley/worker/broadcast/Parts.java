package io.parley.worker.broadcast;

import io.parley.core.broadcast.BroadcastMessage;
import io.parley.core.flow.Step;
import io.parley.worker.outbound.OutboundMessage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A broadcast message's parts as the channel renderers take them ({@link OutboundMessage}). */
final class Parts {

    private Parts() {
    }

    static List<OutboundMessage> of(BroadcastMessage message, long recipientId) {
        List<OutboundMessage> parts = new ArrayList<>();
        for (int i = 0; i < message.parts().size(); i++) {
            BroadcastMessage.Part part = message.parts().get(i);
            UUID id = UUID.nameUUIDFromBytes(("broadcast-part:" + recipientId + ":" + i)
                    .getBytes(StandardCharsets.UTF_8));
            parts.add(switch (part.type()) {
                case "image" -> new OutboundMessage(id, OutboundMessage.Kind.IMAGE, part.text(), List.of(),
                        Step.Style.BUTTONS, part.imageUrl(),
                        part.previewUrl() == null ? part.imageUrl() : part.previewUrl());
                case "buttons" -> new OutboundMessage(id, OutboundMessage.Kind.BUTTONS, part.text(),
                        part.buttons() == null ? List.of() : part.buttons().stream()
                                .map(b -> new Step.Button(b.label(), b.postback())).toList(),
                        Step.Style.BUTTONS, null, null);
                default -> new OutboundMessage(id, OutboundMessage.Kind.TEXT, part.text(), List.of(),
                        Step.Style.BUTTONS, null, null);
            });
        }
        return parts;
    }
}
