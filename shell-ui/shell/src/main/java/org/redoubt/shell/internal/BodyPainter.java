package org.redoubt.shell.internal;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

import org.redoubt.shell.screen.Painter;

/**
 * Draws a screen's body into the frame, and keeps the texts it drew, in order, so that tests and
 * the accessibility of a frame do not depend on pixels.
 */
final class BodyPainter implements Painter {

    private static final int MARGIN = 8;
    private static final String ELLIPSIS = "…";

    private final Graphics2D graphics;
    private final Theme theme;
    private final int width;
    private final int height;
    private final List<String> drawn;
    private int top;

    /**
     * @param graphics translated to the body's top left corner
     * @param drawn    receives the texts drawn
     */
    BodyPainter(Graphics2D graphics, Theme theme, int width, int height, List<String> drawn) {
        this.graphics = graphics;
        this.theme = theme;
        this.width = width;
        this.height = height;
        this.drawn = drawn;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height - top;
    }

    @Override
    public void title(String text) {
        graphics.setColor(Theme.BAR);
        graphics.fillRect(0, 0, width, theme.titleBand());
        graphics.setColor(Theme.ACCENT);
        graphics.setFont(theme.normal());
        FontMetrics metrics = graphics.getFontMetrics();
        int baseline = (theme.titleBand() + metrics.getAscent() - metrics.getDescent()) / 2;
        graphics.drawString(fit(text, width - 2 * MARGIN, metrics), MARGIN, baseline);
        drawn.add(text);
        top = theme.titleBand();
    }

    @Override
    public void text(String text, int y, Size size, boolean center) {
        graphics.setFont(theme.font(size));
        graphics.setColor(size == Size.SMALL ? Theme.DIM : Theme.TEXT);
        FontMetrics metrics = graphics.getFontMetrics();
        String shown = fit(text, width - 2 * MARGIN, metrics);
        int x = center ? (width - metrics.stringWidth(shown)) / 2 : MARGIN;
        graphics.drawString(shown, x, top + y);
        drawn.add(text);
    }

    @Override
    public int paragraph(String text, int y, Size size, boolean right) {
        graphics.setFont(theme.font(size));
        graphics.setColor(size == Size.SMALL ? Theme.DIM : Theme.TEXT);
        FontMetrics metrics = graphics.getFontMetrics();
        int room = width - 2 * MARGIN;
        int baseline = y;
        for (String line : lines(text, room, metrics)) {
            if (top + baseline - metrics.getAscent() > height) {
                break;
            }
            int x = right ? width - MARGIN - metrics.stringWidth(line) : MARGIN;
            graphics.drawString(line, x, top + baseline);
            baseline += metrics.getHeight();
        }
        drawn.add(text);
        return baseline;
    }

    /** @return the text broken into lines of at most {@code room} pixels */
    static List<String> lines(String text, int room, FontMetrics metrics) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int lastSpace = -1;
            for (int i = 0; i < paragraph.length(); i++) {
                char c = paragraph.charAt(i);
                line.append(c);
                if (c == ' ') {
                    lastSpace = line.length() - 1;
                }
                if (metrics.stringWidth(line.toString()) > room && line.length() > 1) {
                    int cut = lastSpace > 0 ? lastSpace : line.length() - 1;
                    if (cut > 0 && Character.isLowSurrogate(line.charAt(cut))) {
                        cut--;
                    }
                    lines.add(line.substring(0, cut).stripTrailing());
                    String rest = line.substring(cut).stripLeading();
                    line.setLength(0);
                    line.append(rest);
                    lastSpace = line.indexOf(" ");
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    @Override
    public void list(List<String> rows, int selected) {
        graphics.setFont(theme.normal());
        FontMetrics metrics = graphics.getFontMetrics();
        int rowHeight = lineHeight(Size.NORMAL) + 8;
        int visible = Math.max(1, height() / rowHeight);
        int first = selected < visible ? 0 : selected - visible + 1;
        for (int i = first; i < rows.size() && i < first + visible; i++) {
            int y = top + (i - first) * rowHeight;
            if (i == selected) {
                graphics.setColor(Theme.SELECTION);
                graphics.fillRect(0, y, width, rowHeight);
                graphics.setColor(Theme.ACCENT);
                graphics.fillRect(0, y, 3, rowHeight);
            }
            graphics.setColor(Theme.TEXT);
            int baseline = y + (rowHeight + metrics.getAscent() - metrics.getDescent()) / 2;
            graphics.drawString(fit(rows.get(i), width - 2 * MARGIN, metrics), MARGIN, baseline);
            drawn.add((i == selected ? "> " : "") + rows.get(i));
        }
    }

    @Override
    public int lineHeight(Size size) {
        return graphics.getFontMetrics(theme.font(size)).getHeight();
    }

    /** @return the text, cut with an ellipsis to fit {@code room} pixels */
    static String fit(String text, int room, FontMetrics metrics) {
        if (metrics.stringWidth(text) <= room) {
            return text;
        }
        int end = text.length();
        while (end > 0 && metrics.stringWidth(text.substring(0, end) + ELLIPSIS) > room) {
            end--;
            if (end > 0 && Character.isLowSurrogate(text.charAt(end))) {
                end--;
            }
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /** @return a copy of the texts drawn so far */
    List<String> drawn() {
        return new ArrayList<>(drawn);
    }
}
