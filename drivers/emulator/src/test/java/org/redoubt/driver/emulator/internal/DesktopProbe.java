package org.redoubt.driver.emulator.internal;

import java.awt.Color;
import java.awt.Frame;
import java.awt.Point;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.swing.SwingUtilities;


/**
 * Run in its own JVM on a virtual desktop by {@link EmulatorDesktopTest}: opens the emulator window,
 * types on the desktop keyboard as a person would, and reads the screen back. Prints one line per
 * finding; the test checks them.
 */
public final class DesktopProbe {

    private DesktopProbe() {
    }

    /**
     * @param args unused
     * @throws Exception when the desktop does not work
     */
    public static void main(String[] args) throws Exception {
        EmulatorWindow window = new EmulatorWindow(240, 320, 1, "probe");
        BlockingQueue<org.redoubt.driver.keypad.KeyEvent> keys = new LinkedBlockingQueue<>();
        window.addListener(keys::add);
        int[] frame = new int[240 * 320];
        java.util.Arrays.fill(frame, 0xFF0000FF);
        frame[0] = 0xFFFF0000;
        window.show(frame);

        Robot robot = new Robot();
        robot.setAutoDelay(20);
        robot.waitForIdle();
        Frame shown = Frame.getFrames()[0];
        Point[] origin = new Point[1];
        SwingUtilities.invokeAndWait(() -> {
            shown.toFront();
            shown.requestFocus();
            origin[0] = ((javax.swing.JFrame) shown).getContentPane().getLocationOnScreen();
        });
        robot.mouseMove(origin[0].x + 120, origin[0].y + 160);
        robot.waitForIdle();

        for (int code : List.of(KeyEvent.VK_5, KeyEvent.VK_ENTER, KeyEvent.VK_F3, KeyEvent.VK_ESCAPE)) {
            robot.keyPress(code);
            robot.keyRelease(code);
        }
        StringBuilder pressed = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            org.redoubt.driver.keypad.KeyEvent event = keys.poll(5, TimeUnit.SECONDS);
            if (event == null) {
                break;
            }
            if (event.action() == org.redoubt.driver.keypad.KeyEvent.Action.PRESSED) {
                pressed.append(event.key()).append(' ');
            }
        }
        System.out.println("KEYS " + pressed.toString().strip());
        Color corner = robot.getPixelColor(origin[0].x, origin[0].y);
        Color middle = robot.getPixelColor(origin[0].x + 120, origin[0].y + 160);
        System.out.println("PIXELS " + hex(corner) + " " + hex(middle));
        String[] title = new String[1];
        SwingUtilities.invokeAndWait(() -> title[0] = shown.getTitle());
        System.out.println("TITLE " + title[0]);
        window.close();
        System.exit(0);
    }

    private static String hex(Color color) {
        return String.format("%06X", color.getRGB() & 0xFFFFFF);
    }
}
