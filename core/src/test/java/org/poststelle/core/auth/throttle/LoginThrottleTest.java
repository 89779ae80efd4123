package org.poststelle.core.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poststelle.core.auth.AuthConfig;
import org.poststelle.core.auth.ManualTime;
import org.poststelle.core.net.Cidr;

class LoginThrottleTest {
    final ManualTime time = new ManualTime();
    final AuthConfig.FailureDelay config = new AuthConfig.FailureDelay(Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofMinutes(15), 10, List.of(Cidr.parse("192.0.2.0/24")));
    final LoginThrottle throttle = new LoginThrottle(config, time);

    static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void delayDoublesPerFailureUpToTheMaximum() throws Exception {
        InetAddress a = ip("198.51.100.7");
        List<Long> seconds = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seconds.add(throttle.failure(a, "bob").toSeconds());
        }
        assertThat(seconds).containsExactly(2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void failuresOfAnAccountCountFromEveryAddress() throws Exception {
        throttle.failure(ip("198.51.100.1"), "bob");
        throttle.failure(ip("198.51.100.2"), "bob");
        assertThat(throttle.failure(ip("198.51.100.3"), "bob")).isEqualTo(Duration.ofSeconds(8));
        assertThat(throttle.failure(ip("198.51.100.4"), "alice")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void failuresOfAnAddressCountForEveryAccountName() throws Exception {
        InetAddress a = ip("198.51.100.7");
        throttle.failure(a, "u1");
        throttle.failure(a, "u2");
        assertThat(throttle.failure(a, "u3")).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void countsAreForgottenAfterAQuietPeriod() throws Exception {
        InetAddress a = ip("198.51.100.7");
        throttle.failure(a, "bob");
        throttle.failure(a, "bob");
        time.advance(Duration.ofMinutes(14));
        assertThat(throttle.failure(a, "bob")).isEqualTo(Duration.ofSeconds(8));
        time.advance(Duration.ofMinutes(15));
        assertThat(throttle.addressFailures(a)).isZero();
        assertThat(throttle.failure(a, "bob")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anAddressIsLockedOutAfterTooManyFailuresUntilForgotten() throws Exception {
        InetAddress a = ip("198.51.100.7");
        for (int i = 0; i < 9; i++) {
            throttle.failure(a, "user" + i);
        }
        assertThat(throttle.lockedOut(a)).isFalse();
        throttle.failure(a, "user9");
        assertThat(throttle.lockedOut(a)).isTrue();
        assertThat(throttle.lockedOut(ip("198.51.100.8"))).isFalse();
        time.advance(Duration.ofMinutes(15));
        assertThat(throttle.lockedOut(a)).isFalse();
    }

    @Test
    void successClearsTheAccountButNotTheAddress() throws Exception {
        InetAddress a = ip("198.51.100.7");
        throttle.failure(a, "bob");
        throttle.failure(a, "bob");
        throttle.success("bob");
        assertThat(throttle.accountFailures("bob")).isZero();
        assertThat(throttle.addressFailures(a)).isEqualTo(2);
    }

    @Test
    void exemptNetworksAreCountedPerAccountOnly() throws Exception {
        InetAddress webmail = ip("192.0.2.10");
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.failure(webmail, "user" + i)).isEqualTo(Duration.ofSeconds(2));
        }
        assertThat(throttle.lockedOut(webmail)).isFalse();
        assertThat(throttle.failure(webmail, "user0")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() throws Exception {
        throttle.failure(ip("2001:db8:1:2::1"), "a");
        throttle.failure(ip("2001:db8:1:2:ffff::9"), "b");
        assertThat(throttle.addressFailures(ip("2001:db8:1:2::abcd"))).isEqualTo(2);
        assertThat(throttle.addressFailures(ip("2001:db8:1:3::1"))).isZero();
    }

    @Test
    void ipv4MappedAddressesCountAsIpv4() throws Exception {
        throttle.failure(ip("::ffff:198.51.100.7"), "a");
        assertThat(throttle.addressFailures(ip("198.51.100.7"))).isEqualTo(1);
    }

    @Test
    void zeroBaseMeansNoDelayAndZeroLockoutMeansNever() throws Exception {
        LoginThrottle none = new LoginThrottle(AuthConfig.FailureDelay.NONE, time);
        InetAddress a = ip("198.51.100.7");
        for (int i = 0; i < 100; i++) {
            assertThat(none.failure(a, "bob")).isZero();
        }
        assertThat(none.lockedOut(a)).isFalse();
    }

    @Test
    void trackedKeysStayBounded() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 50; i++) {
            throttle.failure(null, "user" + i);
        }
        assertThat(throttle.trackedAccounts()).isLessThanOrEqualTo(LoginThrottle.MAX_TRACKED);
        assertThat(throttle.accountFailures("user" + (LoginThrottle.MAX_TRACKED + 49))).isEqualTo(1);
    }
}
