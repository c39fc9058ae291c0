package org.redoubt.driver.emulator.internal;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import org.redoubt.driver.display.Display;
import org.redoubt.driver.display.DisplayException;
import org.redoubt.driver.keypad.Key;
import org.redoubt.driver.keypad.KeyListener;
import org.redoubt.driver.keypad.Keypad;

/**
 * The emulator's handset on a desktop: a window showing the screen, scaled up, whose keyboard is
 * the keypad ({@link EmulatorKeys}). Created and painted on the Swing event thread.
 */
final class EmulatorWindow implements Display, Keypad {

    private final int width;
    private final int height;
    private final List<KeyListener> listeners = new CopyOnWriteArrayList<>();
    private final JFrame frame;
    private final Screen screen;
    private final String title;

    EmulatorWindow(int width, int height, int scale, String title) throws Exception {
        this.width = width;
        this.height = height;
        this.title = title;
        this.screen = new Screen(width * scale, height * scale, new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB));
        JFrame[] created = new JFrame[1];
        SwingUtilities.invokeAndWait(() -> {
            JFrame window = new JFrame(title);
            window.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
            window.add(screen);
            window.addKeyListener(new KeyAdapter() {
                @Override
                public void keyPressed(KeyEvent event) {
                    key(event, org.redoubt.driver.keypad.KeyEvent.Action.PRESSED);
                }

                @Override
                public void keyReleased(KeyEvent event) {
                    key(event, org.redoubt.driver.keypad.KeyEvent.Action.RELEASED);
                }
            });
            window.setFocusTraversalKeysEnabled(false);
            window.pack();
            window.setResizable(false);
            window.setVisible(true);
            created[0] = window;
        });
        this.frame = created[0];
    }

    private void key(KeyEvent event, org.redoubt.driver.keypad.KeyEvent.Action action) {
        EmulatorKeys.key(event.getKeyCode(), event.getKeyChar()).ifPresent(key -> {
            if (action == org.redoubt.driver.keypad.KeyEvent.Action.PRESSED && event.getSource() instanceof JFrame window) {
                window.setTitle(title + " - last key: " + key); // so a person sees the keypad work
            }
            dispatch(key, action);
        });
    }

    private void dispatch(Key key, org.redoubt.driver.keypad.KeyEvent.Action action) {
        org.redoubt.driver.keypad.KeyEvent event = new org.redoubt.driver.keypad.KeyEvent(key, action, System.nanoTime());
        for (KeyListener listener : listeners) {
            try {
                listener.key(event);
            } catch (RuntimeException e) {
                // one consumer's failure does not stop the others
            }
        }
    }

    void close() {
        SwingUtilities.invokeLater(frame::dispose);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void show(int[] argb) throws DisplayException {
        if (argb == null || argb.length != width * height) {
            throw new DisplayException(DisplayException.Reason.WRONG_SIZE, "a frame is " + width + " x " + height
                    + " pixels", null);
        }
        BufferedImage image = ScreenImage.of(argb, width, height);
        SwingUtilities.invokeLater(() -> screen.show(image));
    }

    @Override
    public void addListener(KeyListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(KeyListener listener) {
        listeners.remove(listener);
    }

    /** The scaled screen. */
    private static final class Screen extends JPanel {
        private static final long serialVersionUID = 1L;
        private transient BufferedImage image;

        Screen(int width, int height, BufferedImage blank) {
            setPreferredSize(new Dimension(width, height));
            this.image = blank;
        }

        void show(BufferedImage next) {
            image = next;
            repaint();
        }

        @Override
        protected void paintComponent(Graphics graphics) {
            super.paintComponent(graphics);
            Graphics2D g = (Graphics2D) graphics;
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, 0, 0, getWidth(), getHeight(), null);
        }
    }
}
