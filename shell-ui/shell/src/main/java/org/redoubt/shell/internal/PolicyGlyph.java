package org.redoubt.shell.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Optional;

import org.redoubt.shell.internal.policy.PolicyMark;
import org.redoubt.shell.internal.policy.PolicyStanding;

/**
 * The policy's mark in the status bar: a small shield, the same in every language. Blue with a
 * tick: a current policy, all of it enforced. Amber with "!": stale. Red with a cross: not
 * compliant. No policy: nothing.
 */
final class PolicyGlyph {

    /** The shield's width in pixels. */
    static final int WIDTH = 10;

    private PolicyGlyph() {
    }

    /**
     * @param x     the shield's left edge
     * @param texts receives what the mark says, for tests and accessibility
     */
    static void draw(Graphics2D graphics, Optional<PolicyStanding> standing, int x, List<String> texts) {
        PolicyMark mark = PolicyMark.of(standing);
        if (mark == PolicyMark.NONE) {
            return;
        }
        long version = standing.orElseThrow().version();
        Stroke stroke = graphics.getStroke();
        try {
            switch (mark) {
                case IN_FORCE -> {
                    shield(graphics, x, Theme.ACCENT);
                    graphics.setColor(Theme.BAR);
                    graphics.draw(line(x + 2.5, 9.5, x + 4.5, 11.5, x + 7.5, 6.5));
                    texts.add("status: policy v" + version);
                }
                case STALE -> {
                    shield(graphics, x, Theme.WARNING);
                    graphics.setColor(Theme.BAR);
                    graphics.draw(line(x + 5, 5.5, x + 5, 10));
                    graphics.fillRect(x + 4, 12, 2, 2);
                    texts.add("status: policy v" + version + " stale");
                }
                default -> {
                    shield(graphics, x, Theme.ALERT);
                    graphics.setColor(Theme.TEXT);
                    graphics.draw(line(x + 3, 6, x + 7, 11));
                    graphics.draw(line(x + 7, 6, x + 3, 11));
                    texts.add("status: policy v" + version + " not compliant");
                }
            }
        } finally {
            graphics.setStroke(stroke);
        }
    }

    private static void shield(Graphics2D graphics, int x, Color colour) {
        Path2D.Double outline = new Path2D.Double();
        outline.moveTo(x, 3);
        outline.lineTo(x + WIDTH, 3);
        outline.lineTo(x + WIDTH, 9);
        outline.quadTo(x + WIDTH, 14, x + WIDTH / 2.0, 17);
        outline.quadTo(x, 14, x, 9);
        outline.closePath();
        graphics.setColor(colour);
        graphics.fill(outline);
        graphics.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    /** @param points x, y pairs */
    private static Path2D line(double... points) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(points[0], points[1]);
        for (int i = 2; i < points.length; i += 2) {
            path.lineTo(points[i], points[i + 1]);
        }
        return path;
    }
}
