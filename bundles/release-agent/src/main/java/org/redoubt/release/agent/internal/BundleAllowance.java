package org.redoubt.release.agent.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.redoubt.policy.Policy;
import org.redoubt.runtime.slots.ReleaseContents;

/**
 * The policy field {@code bundles.allow}, enforced here: when the policy in force lists grants,
 * every bundle of a release must have a grant whose release key signed the release manifest
 * validly. An empty list (or no policy) allows every bundle the release role signs.
 */
final class BundleAllowance {

    private BundleAllowance() {
    }

    /**
     * @param contents the authentic release: its bundles and the keys whose signatures are valid
     * @param grants   the policy's grants; empty: no restriction
     * @return why the release is refused ({@code NOT_ALLOWED_BY_POLICY: ...}), empty when allowed
     */
    static Optional<String> refusal(ReleaseContents contents, List<Policy.BundleGrant> grants) {
        if (grants.isEmpty()) {
            return Optional.empty();
        }
        Set<String> signers = contents.signers();
        for (ReleaseContents.ReleaseFile file : contents.files()) {
            boolean granted = grants.stream().anyMatch(grant -> grant.symbolicName().equals(file.symbolicName())
                    && signers.contains(grant.signerKeyId()));
            if (!granted) {
                return Optional.of("NOT_ALLOWED_BY_POLICY: the policy's bundles.allow has no grant for "
                        + file.symbolicName() + " signed by one of the release's signers");
            }
        }
        return Optional.empty();
    }
}
