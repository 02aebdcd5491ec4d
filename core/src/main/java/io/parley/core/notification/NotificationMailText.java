package io.parley.core.notification;

/** The plain text of a notification's email: what happened, where to act, and why the reader gets it. */
final class NotificationMailText {

    private NotificationMailText() {
    }

    static String of(Notification notification, String tenantName, String publicUrl) {
        StringBuilder text = new StringBuilder(notification.body()).append("\n\n");
        if (notification.link() != null) {
            text.append("Open: ").append(publicUrl).append(notification.link()).append("\n\n");
        }
        return text.append("-- \nYou receive this because you are a member of ").append(tenantName)
                .append(" on Parley: ").append(publicUrl).append("\n").toString();
    }
}
