package io.parley.core.webpush;

import io.parley.core.notification.Notification;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A push's title and body in the member's language ({@code users.language}). English is the notification's own
 * title and body; Traditional Chinese comes from the same texts the dashboard's bell uses
 * (web/frontend/src/pages/notifications/messages.ts, {@code kinds.<kind>}) with the notification's params. A kind
 * without a translation here, or a param missing, falls back to English: a push is never half translated.
 */
final class PushTexts {

    record Text(String title, String body) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{\\{(\\w+)}}");

    private static final Map<String, Text> ZH_HANT = Map.ofEntries(
            Map.entry("conversation.handoff", new Text("{{contactName}} 想與真人對話",
                    "機器人 {{botName}} 已在此對話中暫停，請到收件匣回覆。")),
            Map.entry("conversation.crisis", new Text("{{contactName}} 可能正處於危機中",
                    "內容審核將 {{contactName}}（機器人 {{botName}}）的訊息標記為危機。機器人已送出危機訊息，並在此對話中暫停："
                            + "請立即到收件匣聯繫對方。")),
            Map.entry("billing.budget.threshold", new Text("LLM 預算已使用 {{percent}}%",
                    "本期（UTC）已使用 {{spent}}，上限 {{limit}}。")),
            Map.entry("billing.budget.capped", new Text("LLM 預算已用盡：已停止呼叫 LLM",
                    "本期（UTC）已使用 {{spent}}，上限 {{limit}}。提高預算即可恢復以 LLM 回覆。")),
            Map.entry("billing.quota.exhausted", new Text("方案額度已用盡",
                    "您的方案 {{period}} 的額度已用盡，聯絡人會收到機器人的額度用盡訊息。升級方案即可繼續回覆。")),
            Map.entry("alert.handoff_waiting", new Text("聯絡人等待真人已超過 {{minutes}} 分鐘",
                    "對話於 {{since}} 轉接真人，至今尚未回覆。請開啟對話回覆，或接手對話。")),
            Map.entry("alert.llm_daily_cost", new Text("今日 LLM 費用已超過 {{limit}} USD",
                    "機器人今日（{{day}}）的 LLM 呼叫費用為 {{cost}} USD。請在「分析」查看花費最多的機器人與聯絡人、在「帳務」設定"
                            + "每日預算，或改用較便宜的模型。")),
            Map.entry("alert.llm_failure_rate", new Text("最近 {{minutes}} 分鐘 LLM 失敗率達 {{percent}}%",
                    "{{calls}} 次 LLM 呼叫中有 {{failed}} 次失敗，超過此警示的 {{limit}}%；聯絡人收到的是備用訊息。請檢查供應商"
                            + "狀態、金鑰的速率限制與額度，以及機器人的逾時設定。")),
            Map.entry("alert.credentials_rejected", new Text("{{provider}} 拒絕了憑證",
                    "在儲存新的憑證之前，無法經由它們送出任何內容。請開啟機器人並儲存新的權杖或 API 金鑰。")));

    private PushTexts() {
    }

    static Text of(Notification notification, String language) {
        Text english = new Text(notification.title(), notification.body());
        if (!"zh-Hant".equals(language)) {
            return english;
        }
        Text template = ZH_HANT.get(notification.kind());
        if (template == null) {
            return english;
        }
        String title = fill(template.title(), notification.params());
        String body = fill(template.body(), notification.params());
        return title == null || body == null ? english : new Text(title, body);
    }

    /** The template with its params, or null when one is missing. */
    private static String fill(String template, Map<String, String> params) {
        Matcher matcher = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = params.get(matcher.group(1));
            if (value == null) {
                return null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
