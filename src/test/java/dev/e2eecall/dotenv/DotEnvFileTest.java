package dev.e2eecall.dotenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DotEnvFileTest {

    private static final String SECRET = "made-up-secret-0123456789abcdef0123456789";

    private static java.util.Map<String, String> parse(String text) {
        return DotEnvFile.parse(text, ".env");
    }

    @Test
    void originalSamplesLines_singleQuotesAreRemoved() {
        // the OpenTok sample's README writes the values in single quotes
        assertThat(parse("API_KEY='32545611'\nAPI_SECRET='" + SECRET + "'\n"))
                .containsExactly(entry("API_KEY", "32545611"), entry("API_SECRET", SECRET));
    }

    @Test
    void doubleQuotesAndPlainValues_giveTheValue() {
        assertThat(parse("API_KEY=\"32545611\"\nAPI_SECRET=" + SECRET + "\n"))
                .containsExactly(entry("API_KEY", "32545611"), entry("API_SECRET", SECRET));
    }

    @Test
    void exportPrefix_isIgnored() {
        assertThat(parse("export API_KEY=32545611\nexport\tAPI_SECRET='" + SECRET + "'\n"))
                .containsExactly(entry("API_KEY", "32545611"), entry("API_SECRET", SECRET));
    }

    @Test
    void keyNamedExport_isAKey() {
        assertThat(parse("export=yes\n")).containsExactly(entry("export", "yes"));
    }

    @Test
    void comments_areSkipped_butAHashInsideAValueIsKept() {
        assertThat(parse("""
                # the project's credentials
                   # indented comment
                API_KEY=32545611 # trailing comment
                API_SECRET="abc # not a comment" # a comment
                HASHED=abc#def
                STARTS_WITH_HASH=#abc
                SINGLE='x # y'   # comment
                EMPTY_WITH_COMMENT= # nothing
                """))
                .containsExactly(
                        entry("API_KEY", "32545611"),
                        entry("API_SECRET", "abc # not a comment"),
                        entry("HASHED", "abc#def"),
                        entry("STARTS_WITH_HASH", "#abc"),
                        entry("SINGLE", "x # y"),
                        entry("EMPTY_WITH_COMMENT", ""));
    }

    @Test
    void spacesAroundTheEqualsSign_andEmptyValues_areAllowed() {
        assertThat(parse("A = 1  \nB=\nC=''\nD=\"\"\n\tE\t=\t two words \n"))
                .containsExactly(
                        entry("A", "1"), entry("B", ""), entry("C", ""), entry("D", ""), entry("E", "two words"));
    }

    @Test
    void multiLinePemInDoubleQuotes_isOneValueWithItsLineBreaks() throws Exception {
        String pem = pem();
        var entries = parse("VONAGE_APPLICATION_ID=0b0b0b0b-1111-2222-3333-444444444444\nVONAGE_PRIVATE_KEY=\"" + pem
                + "\"\nAFTER=after\n");

        assertThat(entries).containsEntry("VONAGE_PRIVATE_KEY", pem).containsEntry("AFTER", "after");
        assertThat(readsAsRsaKey(entries.get("VONAGE_PRIVATE_KEY"))).isTrue();
    }

    @Test
    void multiLinePemInSingleQuotes_isOneValueWithItsLineBreaks() throws Exception {
        String pem = pem();
        assertThat(parse("VONAGE_PRIVATE_KEY='" + pem + "'\nAFTER=after\n"))
                .containsEntry("VONAGE_PRIVATE_KEY", pem)
                .containsEntry("AFTER", "after");
    }

    @Test
    void pemOnOneLineWithEscapedLineBreaks_inDoubleQuotes_getsItsLineBreaks() throws Exception {
        String pem = pem();
        assertThat(parse("VONAGE_PRIVATE_KEY=\"" + pem.replace("\n", "\\n") + "\"\n"))
                .containsEntry("VONAGE_PRIVATE_KEY", pem);
    }

    @Test
    void escapes_countInDoubleQuotesOnly() {
        assertThat(parse("D=\"a\\tb\\\"c\\\\d\\x\"\nS='a\\nb'\nU=a\\nb\n"))
                .containsExactly(entry("D", "a\tb\"c\\d\\x"), entry("S", "a\\nb"), entry("U", "a\\nb"));
    }

    @Test
    void windowsLineEndsAndAByteOrderMark_areRead() {
        assertThat(parse("\uFEFFAPI_KEY=32545611\r\nAPI_SECRET=\"line1\r\nline2\"\r\n"))
                .containsExactly(entry("API_KEY", "32545611"), entry("API_SECRET", "line1\nline2"));
    }

    @Test
    void repeatedKey_laterLineWins() {
        assertThat(parse("API_KEY=1\nAPI_KEY=2\n")).containsExactly(entry("API_KEY", "2"));
    }

    @Test
    void unclosedQuote_isRefusedNamingLineAndKey_butNotTheValue() {
        assertThatThrownBy(() -> parse("API_KEY=1\n\nAPI_SECRET=\"" + SECRET + "\nOTHER=x\n"))
                .hasMessage(".env, line 3 opens a quote for API_SECRET's value that is never closed")
                .message()
                .doesNotContain(SECRET.substring(0, 16));
    }

    @Test
    void textAfterTheClosingQuote_isRefusedWithoutTheValue() {
        assertThatThrownBy(() -> parse("API_SECRET='" + SECRET + "'trailing\n"))
                .hasMessage(".env, line 1 has text after the closing quote of API_SECRET's value")
                .message()
                .doesNotContain(SECRET.substring(0, 16))
                .doesNotContain("trailing");
    }

    @Test
    void lineWithoutEqualsSign_isRefusedWithoutRepeatingIt() {
        // a secret pasted on its own line looks like a key: the message must not repeat it
        assertThatThrownBy(() -> parse("API_KEY=1\n" + "0123456789abcdef0123456789abcdef01234567\n"))
                .hasMessage(".env, line 2 is not KEY=value")
                .message()
                .doesNotContain("0123456789abcdef");
        assertThatThrownBy(() -> parse("API_SECRET " + SECRET + "\n")).hasMessage(".env, line 1 is not KEY=value");
        assertThatThrownBy(() -> parse("=value\n")).hasMessage(".env, line 1 is not KEY=value");
    }

    static String pem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
    }

    private static boolean readsAsRsaKey(String pem) throws Exception {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                        .generatePrivate(
                                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)))
                instanceof RSAPrivateKey;
    }
}
