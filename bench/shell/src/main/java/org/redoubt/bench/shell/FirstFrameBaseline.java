package org.redoubt.bench.shell;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * The baseline for the first frame: a JVM with the handset's flags that draws one 240 x 320 frame
 * with a line of text in AWT's own font and writes it as a PNG, as the display driver's headless
 * backend does. Nothing of the runtime: no framework, no bundles, no verification.
 */
public final class FirstFrameBaseline {

    private FirstFrameBaseline() {
    }

    public static void main(String[] args) throws IOException {
        BufferedImage image = new BufferedImage(240, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.DARK_GRAY);
        graphics.fillRect(0, 0, 240, 320);
        graphics.setColor(Color.WHITE);
        graphics.drawString("Menu", 8, 40);
        graphics.dispose();
        File target = new File(args[0]);
        File temporary = new File(target.getPath() + ".tmp");
        ImageIO.write(image, "png", temporary);
        if (!temporary.renameTo(target)) {
            throw new IOException("cannot write " + target);
        }
    }
}
