package org.redoubt.driver.keypad;

/**
 * The keys of the handset.
 *
 * @since 1.0
 */
public enum Key {
    /** 0 */ DIGIT_0,
    /** 1 */ DIGIT_1,
    /** 2 */ DIGIT_2,
    /** 3 */ DIGIT_3,
    /** 4 */ DIGIT_4,
    /** 5 */ DIGIT_5,
    /** 6 */ DIGIT_6,
    /** 7 */ DIGIT_7,
    /** 8 */ DIGIT_8,
    /** 9 */ DIGIT_9,
    /** * */ STAR,
    /** # */ POUND,
    /** Navigation up. */ UP,
    /** Navigation down. */ DOWN,
    /** Navigation left. */ LEFT,
    /** Navigation right. */ RIGHT,
    /** The centre key. */ OK,
    /** The left soft key (its meaning is on screen). */ SOFT_LEFT,
    /** The right soft key. */ SOFT_RIGHT,
    /** Call / answer. */ CALL,
    /** End / hang up / back home. */ END,
    /** Power. */ POWER
}
