package io.parley.api.broadcast;

import io.parley.core.broadcast.BroadcastMessage;
import io.parley.core.channel.ChannelType;
import io.parley.http.problem.ProblemException;

import java.util.List;

/** Checks a message against the broadcast's channels and converts it between the wire and core shapes. */
final class BroadcastMessages {

    static final String ONE_PART = "WhatsApp and Telegram send one part; send several parts to LINE channels only";
    static final String TEMPLATE_NEEDS_WHATSAPP = "a template is sent on WhatsApp channels only; add one or remove it";
    static final String NEEDS_TEXT = "needs text";
    static final String NEEDS_BUTTONS = "needs 1 to 13 buttons";
    static final String NEEDS_IMAGE = "needs imageUrl";

    private BroadcastMessages() {
    }

    static BroadcastMessage toCore(BroadcastWire.Message message, List<ChannelType> channelTypes) {
        for (int i = 0; i < message.parts().size(); i++) {
            BroadcastWire.Part part = message.parts().get(i);
            String field = "message.parts[" + i + "]";
            switch (part.type()) {
                case "text" -> require(part.text() != null && !part.text().isBlank(), field + ".text", NEEDS_TEXT);
                case "buttons" -> {
                    require(part.text() != null && !part.text().isBlank(), field + ".text", NEEDS_TEXT);
                    require(part.buttons() != null && !part.buttons().isEmpty(), field + ".buttons", NEEDS_BUTTONS);
                }
                case "image" -> require(part.imageUrl() != null, field + ".imageUrl", NEEDS_IMAGE);
                default -> throw ProblemException.invalidField(field + ".type", "must be text, buttons or image");
            }
        }
        boolean whatsapp = channelTypes.contains(ChannelType.WHATSAPP);
        boolean onePartChannels = channelTypes.contains(ChannelType.TELEGRAM)
                || (whatsapp && message.template() == null);
        require(message.parts().size() == 1 || !onePartChannels, "message.parts", ONE_PART);
        require(message.template() == null || whatsapp, "message.template", TEMPLATE_NEEDS_WHATSAPP);
        return new BroadcastMessage(message.parts().stream().map(p -> new BroadcastMessage.Part(p.type(), p.text(),
                p.buttons() == null ? null : p.buttons().stream()
                        .map(b -> new BroadcastMessage.Button(b.label(), b.postback())).toList(),
                p.imageUrl(), p.previewUrl())).toList(),
                message.template() == null ? null : new BroadcastMessage.Template(message.template().name(),
                        message.template().language(), message.template().bodyVariables()));
    }

    static BroadcastWire.Message toWire(BroadcastMessage message) {
        return new BroadcastWire.Message(message.parts().stream().map(p -> new BroadcastWire.Part(p.type(), p.text(),
                p.buttons() == null ? null : p.buttons().stream()
                        .map(b -> new BroadcastWire.Button(b.label(), b.postback())).toList(),
                p.imageUrl(), p.previewUrl())).toList(),
                message.template() == null ? null : new BroadcastWire.Template(message.template().name(),
                        message.template().language(), message.template().bodyVariables()));
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw ProblemException.invalidField(field, message);
        }
    }
}
