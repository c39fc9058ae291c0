package org.redoubt.shell.internal.screens;

import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.redoubt.driver.keypad.Key;
import org.redoubt.shell.internal.policy.PolicyMark;
import org.redoubt.shell.internal.policy.PolicyStanding;
import org.redoubt.shell.internal.policy.PolicyView;
import org.redoubt.shell.screen.Painter;
import org.redoubt.shell.screen.Screen;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.shell.screen.SoftKeys;

/**
 * What runs on the handset: the release (framework property {@code redoubt.release}), the hardware
 * model, the device id, and the policy in force with its version, marked when stale or not
 * compliant ("none" without a policy or without the policy agent).
 */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.ABOUT)
public final class AboutScreen implements Screen {

    private final Map<String, String> facts;
    private volatile PolicyView policy;

    /** @param context reads the launcher's framework properties */
    @Activate
    public AboutScreen(BundleContext context) {
        this(Map.of("release", value(context, "redoubt.release"), "model", value(context, "redoubt.device.model"),
                "device", value(context, "redoubt.device.id")));
    }

    /** @param facts {@code release}, {@code model}, {@code device} */
    public AboutScreen(Map<String, String> facts) {
        this.facts = Map.copyOf(facts);
    }

    /**
     * @param facts  {@code release}, {@code model}, {@code device}
     * @param policy the policy in force (for tests outside the framework)
     */
    public AboutScreen(Map<String, String> facts, PolicyView policy) {
        this(facts);
        this.policy = policy;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPolicy(PolicyView next) {
        policy = next;
    }

    void unbindPolicy(PolicyView gone) {
        if (policy == gone) {
            policy = null;
        }
    }

    private static String value(BundleContext context, String property) {
        String value = context.getProperty(property);
        return value == null ? "—" : value;
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.text("about.title"));
        int line = painter.lineHeight(Painter.Size.NORMAL) + 4;
        painter.text(context.text("about.release", facts.getOrDefault("release", "—")), line, Painter.Size.NORMAL, false);
        painter.text(context.text("about.model", facts.getOrDefault("model", "—")), 2 * line, Painter.Size.NORMAL, false);
        painter.text(context.text("about.device", facts.getOrDefault("device", "—")), 3 * line, Painter.Size.NORMAL, false);
        painter.text(context.text("about.policy", policyText(context)), 4 * line, Painter.Size.NORMAL, false);
    }

    private String policyText(ScreenContext context) {
        PolicyView current = policy;
        Optional<PolicyStanding> standing = current == null ? Optional.empty() : current.standing();
        String version = standing.map(s -> String.valueOf(s.version())).orElse("");
        return switch (PolicyMark.of(standing)) {
            case NONE -> context.text("about.noPolicy");
            case IN_FORCE -> context.text("about.policyVersion", version);
            case STALE -> context.text("about.policyStale", version);
            case NOT_COMPLIANT -> context.text("about.policyNotCompliant", version);
        };
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        if (key == Key.SOFT_RIGHT || key == Key.OK) {
            context.back();
            return true;
        }
        return false;
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        return new SoftKeys("", context.text("soft.back"));
    }
}
