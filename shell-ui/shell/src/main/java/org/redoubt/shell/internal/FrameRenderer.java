package org.redoubt.shell.internal;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.redoubt.shell.screen.Screen;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.shell.screen.SoftKeys;

/**
 * Draws whole frames: the status bar, the screen's body, a notice when there is one, and the soft
 * keys. One frame buffer, reused; the pixels handed out are a copy.
 */
final class FrameRenderer {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** A drawn frame. */
    record Frame(int[] argb, List<String> texts) {
    }

    private final Theme theme;
    private final BufferedImage image;
    private final int width;
    private final int height;

    FrameRenderer(Theme theme, int width, int height) {
        this.theme = theme;
        this.width = width;
        this.height = height;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    Frame render(Screen screen, ScreenContext context, HandsetStatus status, ZonedDateTime now, String notice) {
        List<String> texts = new ArrayList<>();
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setColor(Theme.BACKGROUND);
            graphics.fillRect(0, 0, width, height);
            statusBar(graphics, status, now, texts);
            int bodyTop = theme.statusBar();
            int bodyHeight = height - theme.statusBar() - theme.softKeyBar();
            SoftKeys keys = SoftKeys.NONE;
            if (screen != null) {
                Graphics2D body = (Graphics2D) graphics.create(0, bodyTop, width, bodyHeight);
                try {
                    screen.paint(new BodyPainter(body, theme, width, bodyHeight, texts), context);
                } finally {
                    body.dispose();
                }
                keys = screen.softKeys(context);
            } else {
                texts.add("…");
                graphics.setColor(Theme.DIM);
                graphics.setFont(theme.large());
                graphics.drawString("…", width / 2 - 8, bodyTop + bodyHeight / 2);
            }
            if (notice != null) {
                notice(graphics, notice, bodyTop + bodyHeight, texts);
            }
            softKeys(graphics, keys, texts);
        } finally {
            graphics.dispose();
        }
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        return new Frame(pixels.clone(), List.copyOf(texts));
    }

    /** @return the last frame as an image, for snapshots */
    BufferedImage image() {
        return image;
    }

    private void statusBar(Graphics2D graphics, HandsetStatus status, ZonedDateTime now, List<String> texts) {
        int bar = theme.statusBar();
        graphics.setColor(Theme.BAR);
        graphics.fillRect(0, 0, width, bar);
        // signal: four bars, the lit ones in the text colour
        for (int i = 0; i < 4; i++) {
            graphics.setColor(i < status.bars() ? Theme.TEXT : Theme.SELECTION);
            int h = 4 + 3 * i;
            graphics.fillRect(4 + 5 * i, bar - 4 - h, 3, h);
        }
        graphics.setFont(theme.small());
        FontMetrics metrics = graphics.getFontMetrics();
        int baseline = (bar + metrics.getAscent() - metrics.getDescent()) / 2;
        String operator = status.registered() ? status.operator() : "—";
        graphics.setColor(Theme.TEXT);
        graphics.drawString(BodyPainter.fit(operator, 90, metrics), 28, baseline);
        texts.add("status: " + operator);
        String clock = CLOCK.format(now);
        graphics.drawString(clock, (width - metrics.stringWidth(clock)) / 2 + 20, baseline);
        texts.add("status: " + clock);
        PolicyGlyph.draw(graphics, status.policy(), width - 58 - 6 - PolicyGlyph.WIDTH, texts);
        if (status.locked()) {
            lockIcon(graphics, width - 58, bar);
            texts.add("status: locked");
        }
        battery(graphics, status, width - 30, bar, texts);
    }

    private static void lockIcon(Graphics2D graphics, int x, int bar) {
        graphics.setColor(Theme.TEXT);
        graphics.drawArc(x + 2, 3, 6, 8, 0, 180);
        graphics.fillRect(x, 8, 10, 8);
    }

    private static void battery(Graphics2D graphics, HandsetStatus status, int x, int bar, List<String> texts) {
        graphics.setColor(Theme.TEXT);
        graphics.drawRect(x, 5, 22, bar - 10);
        graphics.fillRect(x + 23, bar / 2 - 2, 2, 4);
        if (status.batteryLevel() >= 0) {
            graphics.setColor(status.batteryLevel() <= 15 && !status.charging() ? Theme.WARNING : Theme.TEXT);
            graphics.fillRect(x + 2, 7, Math.max(1, 19 * status.batteryLevel() / 100), bar - 13);
            texts.add("status: battery " + status.batteryLevel() + (status.charging() ? "+" : ""));
        }
    }

    private void notice(Graphics2D graphics, String notice, int bottom, List<String> texts) {
        graphics.setFont(theme.small());
        FontMetrics metrics = graphics.getFontMetrics();
        int h = metrics.getHeight() + 10;
        graphics.setColor(Theme.NOTICE);
        graphics.fillRoundRect(6, bottom - h - 6, width - 12, h, 8, 8);
        graphics.setColor(Theme.TEXT);
        graphics.drawString(BodyPainter.fit(notice, width - 24, metrics), 12, bottom - 6 - h / 2
                + (metrics.getAscent() - metrics.getDescent()) / 2);
        texts.add("notice: " + notice);
    }

    private void softKeys(Graphics2D graphics, SoftKeys keys, List<String> texts) {
        int top = height - theme.softKeyBar();
        graphics.setColor(Theme.BAR);
        graphics.fillRect(0, top, width, theme.softKeyBar());
        graphics.setFont(theme.normal());
        FontMetrics metrics = graphics.getFontMetrics();
        int baseline = top + (theme.softKeyBar() + metrics.getAscent() - metrics.getDescent()) / 2;
        graphics.setColor(Theme.TEXT);
        graphics.drawString(BodyPainter.fit(keys.left(), width / 2 - 12, metrics), 8, baseline);
        String right = BodyPainter.fit(keys.right(), width / 2 - 12, metrics);
        graphics.drawString(right, width - 8 - metrics.stringWidth(right), baseline);
        texts.add("soft: " + keys.left() + " | " + keys.right());
    }
}
