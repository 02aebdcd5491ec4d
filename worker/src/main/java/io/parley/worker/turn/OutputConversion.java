package io.parley.worker.turn;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import com.github.houbb.opencc4j.util.ZhTwConverterUtil;

/**
 * The bot's {@code output_conversion} of LLM answers: models asked for Traditional Chinese still drift into
 * Simplified (and the reverse), so the answer is converted with OpenCC's dictionaries (opencc4j, phrase-aware)
 * before it is sent. {@code zh-Hant-TW} is OpenCC's s2twp: characters and Taiwan's phrasing (软件 → 軟體, 鼠标 →
 * 滑鼠, 网络 → 網路), where {@code zh-Hant} converts characters only (軟件). Only LLM output is converted: flow texts
 * and the fallback are written by the tenant as meant.
 */
final class OutputConversion {

    private OutputConversion() {
    }

    static String apply(String setting, String text) {
        if (text == null || text.isEmpty() || setting == null) {
            return text;
        }
        return switch (setting) {
            case "zh-Hant" -> ZhConverterUtil.toTraditional(text);
            case "zh-Hant-TW" -> ZhTwConverterUtil.toTraditional(text);
            case "zh-Hans" -> ZhConverterUtil.toSimple(text);
            default -> text;
        };
    }
}
