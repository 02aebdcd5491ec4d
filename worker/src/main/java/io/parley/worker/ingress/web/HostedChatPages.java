package io.parley.worker.ingress.web;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.channel.WebChannelSettings;
import io.parley.http.language.ProblemLanguage;
import io.parley.worker.ingress.IngressChannels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hosted full-page chat's documents (docs/web-chat.md "Hosted page"): the page, its web app manifest, icon,
 * service worker and offline page, in the channel's branding and the visitor's language (English or Traditional
 * Chinese). The page itself only sets the scene: the widget script runs the chat full-page and registers the service
 * worker (the pages' CSP allows no inline script). Everything the tenant typed is HTML-escaped.
 */
final class HostedChatPages {

    static final String DEFAULT_COLOR = "#2563eb";

    private HostedChatPages() {
    }

    /** {@code language}: the channel's fixed language ({@code en}, {@code zh-Hant}), or null for the visitor's. */
    record Branding(String widgetKey, String title, String color, @Nullable String logoUrl,
                    @Nullable String offlineText, @Nullable String language) {

        static Branding of(String widgetKey, IngressChannels.WebWidget widget) {
            WebChannelSettings settings = widget.settings();
            return new Branding(widgetKey, settings.title() != null ? settings.title() : widget.botName(),
                    settings.color() != null ? settings.color() : DEFAULT_COLOR, settings.logoUrl(),
                    settings.offlineText(), "auto".equals(settings.language()) ? null : settings.language());
        }

        /** The channel's language when it fixes one (as the widget does), else the visitor's Accept-Language. */
        ProblemLanguage languageFor(@Nullable String acceptLanguage) {
            return ProblemLanguage.negotiate(language != null ? language : acceptLanguage);
        }

        String base() {
            return "/c/" + widgetKey;
        }

        String icon() {
            return logoUrl != null ? logoUrl : base() + "/icon.svg";
        }
    }

    static String page(Branding brand, ProblemLanguage language) {
        String key = html(brand.widgetKey());
        return head(brand, language)
                + "<body class=\"hosted\">\n<header><img src=\"" + html(brand.icon()) + "\" alt=\"\" width=\"32\" "
                + "height=\"32\"><h1>" + html(brand.title()) + "</h1></header>\n"
                + "<script src=\"/widget.js\" data-parley-widget=\"" + key + "\" data-parley-mode=\"page\" "
                + "data-parley-title=\"" + html(brand.title()) + "\" async></script>\n</body>\n</html>\n";
    }

    static String offline(Branding brand, ProblemLanguage language) {
        boolean zh = language == ProblemLanguage.TRADITIONAL_CHINESE;
        String lead = zh ? "目前無法連線到聊天服務，請稍後再試。" : "The chat cannot be reached right now; please try again soon.";
        return head(brand, language)
                + "<body class=\"hosted\">\n<header><h1>" + html(brand.title()) + "</h1></header>\n<main>\n<h2>"
                + (zh ? "目前離線" : "You are offline") + "</h2>\n<p>" + lead + "</p>\n"
                + (brand.offlineText() == null ? "" : "<p class=\"offline-text\">" + html(brand.offlineText()) + "</p>\n")
                + "</main>\n</body>\n</html>\n";
    }

    /** The web app manifest (serialized by the caller). */
    static Map<String, Object> manifest(Branding brand, ProblemLanguage language) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", brand.title());
        manifest.put("short_name", brand.title());
        manifest.put("lang", language.tag());
        manifest.put("start_url", brand.base());
        manifest.put("scope", brand.base());
        manifest.put("display", "standalone");
        manifest.put("theme_color", brand.color());
        manifest.put("background_color", "#ffffff");
        manifest.put("icons", List.of(Map.of("src", brand.icon(), "sizes", "any", "purpose", "any"),
                Map.of("src", brand.base() + "/icon.svg", "sizes", "any", "type", "image/svg+xml",
                        "purpose", "maskable")));
        return manifest;
    }

    /** A square icon in the channel's colour with the title's first letter. */
    static String icon(Branding brand) {
        String letter = brand.title().isBlank() ? "P"
                : new String(Character.toChars(brand.title().strip().codePointAt(0))).toUpperCase(Locale.ROOT);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 512 512\"><rect width=\"512\" height=\"512\" "
                + "fill=\"" + brand.color() + "\"/><text x=\"256\" y=\"340\" font-size=\"260\" text-anchor=\"middle\" "
                + "font-family=\"sans-serif\" fill=\"" + textOn(brand.color()) + "\">" + html(letter) + "</text></svg>\n";
    }

    /**
     * Network first for pages; when the network fails (Parley unreachable, or no connection), the offline page
     * cached at install time. Only navigations are handled: the chat's own requests stay the widget's business.
     */
    static String serviceWorker(String offlineUrlLiteral) {
        return """
                const OFFLINE = %s;
                const CACHE = 'parley-hosted-v1';
                self.addEventListener('install', (event) => {
                  event.waitUntil(caches.open(CACHE).then((cache) => cache.add(new Request(OFFLINE, { cache: 'reload' }))));
                  self.skipWaiting();
                });
                self.addEventListener('activate', (event) => { event.waitUntil(self.clients.claim()); });
                self.addEventListener('fetch', (event) => {
                  if (event.request.mode !== 'navigate') return;
                  event.respondWith(fetch(event.request).catch(() => caches.match(OFFLINE)));
                });
                """.formatted(offlineUrlLiteral);
    }

    private static String head(Branding brand, ProblemLanguage language) {
        String color = brand.color();
        return "<!doctype html>\n<html lang=\"" + language.tag() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + html(brand.title()) + "</title>\n"
                + "<meta name=\"theme-color\" content=\"" + color + "\">\n"
                + "<link rel=\"manifest\" href=\"" + brand.base() + "/manifest.webmanifest\">\n"
                + "<link rel=\"icon\" href=\"" + html(brand.icon()) + "\">\n"
                + "<style>body{margin:0;font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a}"
                + "header{display:flex;align-items:center;gap:12px;padding:12px 16px;background:" + color
                + ";color:" + textOn(color) + "}header h1{margin:0;font-size:1.125rem}header img{border-radius:6px}"
                + "main{max-width:40rem;margin:0 auto;padding:24px 16px}.offline-text{white-space:pre-wrap;"
                + "padding:12px;border-left:4px solid " + color + ";background:#fff}</style>\n</head>\n";
    }

    /**
     * The text colour on an accent: white or dark ({@code #0f172a}), whichever has the higher WCAG 2 contrast with it
     * (a yellow accent gets dark text), as the widget does (web/frontend/src/widget/branding.ts).
     */
    static String textOn(String color) {
        double accent = luminance(color);
        double onWhite = 1.05 / (accent + 0.05);
        double onDark = (Math.max(accent, DARK_LUMINANCE) + 0.05) / (Math.min(accent, DARK_LUMINANCE) + 0.05);
        return onWhite >= onDark ? "#ffffff" : DARK_TEXT;
    }

    private static final String DARK_TEXT = "#0f172a";
    private static final double DARK_LUMINANCE = luminance(DARK_TEXT);

    /** WCAG 2 relative luminance of a #rrggbb colour. */
    private static double luminance(String color) {
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double value = Integer.parseInt(color.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            sum += weights[i] * (value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4));
        }
        return sum;
    }

    /** HTML text and attribute escaping of the five significant characters (no escaping library is on the path). */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> out.append(switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> String.valueOf((char) c);
        }));
        return out.toString();
    }
}
