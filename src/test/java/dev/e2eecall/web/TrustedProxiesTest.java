package dev.e2eecall.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pattern is matched as Tomcat's RemoteIpValve matches it: whole, against the address as Java writes it. */
class TrustedProxiesTest {

    private static boolean trusts(String setting, String address) throws Exception {
        String remoteAddress = InetAddress.getByName(address).getHostAddress();
        return Pattern.compile(new TrustedProxies(setting).internalProxiesPattern())
                .matcher(remoteAddress)
                .matches();
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, true",
        "127.8.9.10, true",
        "::1, true",
        // Tomcat's default trusts these; a client on the office LAN or the pod network is no proxy
        "10.0.0.5, false",
        "192.168.1.20, false",
        "172.16.0.1, false",
        "169.254.1.1, false",
        "100.64.0.1, false",
        "fd00::2, false",
        "203.0.113.7, false"
    })
    void byDefault_onlyLoopbackIsTrusted(String address, boolean trusted) throws Exception {
        assertThat(trusts(TrustedProxies.LOOPBACK, address)).isEqualTo(trusted);
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.7, 10.0.0.7, true",
        "10.0.0.7, 10.0.0.70, false",
        "10.0.0.7, 10.0.0.8, false",
        "10.0.0.0/24, 10.0.0.255, true",
        "10.0.0.0/24, 10.0.1.0, false",
        "10.0.16.0/20, 10.0.16.1, true",
        "10.0.16.0/20, 10.0.31.254, true",
        "10.0.16.0/20, 10.0.32.1, false",
        "10.0.16.0/20, 10.0.15.1, false",
        "10.0.0.0/8, 10.200.3.4, true",
        "10.0.0.0/8, 11.0.0.1, false",
        "0.0.0.0/0, 198.51.100.1, true",
        "'10.0.0.7, fd00::7', fd00::7, true",
        "'10.0.0.7, fd00::7', fd00::8, false"
    })
    void namedProxies_andTheirRanges_areTrusted_andNothingElse(String setting, String address, boolean trusted)
            throws Exception {
        assertThat(trusts(setting, address)).isEqualTo(trusted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " , "})
    void anEmptySetting_trustsNoProxy(String setting) throws Exception {
        assertThat(trusts(setting, "127.0.0.1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example", "10.0.0.0/33", "10.0.0.0/x", "fd00::/64", "10.0.0", "10.0.0.*", ".*"})
    void notAProxyAddress_stopsStartUp_withTheVariableNamed(String setting) {
        assertThatThrownBy(() -> new TrustedProxies(setting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TRUSTED_PROXIES: \"" + setting + "\" is not a proxy address");
    }
}
