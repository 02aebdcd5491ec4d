package io.parley.worker.outbound.whatsapp;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The request body of a template send, {@code POST /{phone-number-id}/messages} with {@code "type":"template"}
 * (shared/protocols README §2.1, fixture whatsapp-send-template-request.json; Meta's "Send message templates"):
 * components in template order, header, body, then each button with a value, every parameter typed.
 */
final class TemplateWire {

    private TemplateWire() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Send(String messagingProduct, String to, String type, Template template) {
    }

    @Serdeable
    record Template(String name, Language language, List<Component> components) {
    }

    @Serdeable
    record Language(String code) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Component(String type, @Nullable String subType, @Nullable String index, List<Parameter> parameters) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parameter(String type, @Nullable String text, @Nullable String payload, @Nullable Media image,
                     @Nullable Media video, @Nullable Media document) {

        static Parameter text(String text) {
            return new Parameter("text", text, null, null, null, null);
        }
    }

    @Serdeable
    record Media(String link) {
    }

    static Send render(String to, TemplateMessage message) {
        List<Component> components = new ArrayList<>();
        TemplateMessage.Header header = message.header();
        if (header != null) {
            Media media = new Media(header.value());
            Parameter parameter = switch (header.kind()) {
                case TEXT -> Parameter.text(header.value());
                case IMAGE -> new Parameter("image", null, null, media, null, null);
                case VIDEO -> new Parameter("video", null, null, null, media, null);
                case DOCUMENT -> new Parameter("document", null, null, null, null, media);
            };
            components.add(new Component("header", null, null, List.of(parameter)));
        }
        if (!message.body().isEmpty()) {
            components.add(new Component("body", null, null, message.body().stream().map(Parameter::text).toList()));
        }
        for (TemplateMessage.ButtonValue button : message.buttons()) {
            Parameter parameter = button.kind() == TemplateMessage.ButtonKind.QUICK_REPLY
                    ? new Parameter("payload", null, button.value(), null, null, null)
                    : Parameter.text(button.value());
            components.add(new Component("button", button.kind().name().toLowerCase(Locale.ROOT),
                    String.valueOf(button.index()), List.of(parameter)));
        }
        return new Send("whatsapp", to, "template", new Template(message.name(), new Language(message.language()),
                List.copyOf(components)));
    }
}
