package org.runonce.intake.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.runonce.intake.completeness.LegalName.Kind;

/** Real names of people and organisations, and what must never pass as one. */
class LegalNameTest {

    private static String accepted(String raw, Kind kind) {
        LegalName.Checked checked = LegalName.check(raw, kind);
        assertThat(checked.problem()).as("problem of %s", raw).isNull();
        return checked.value();
    }

    private static String refused(String raw, Kind kind) {
        LegalName.Checked checked = LegalName.check(raw, kind);
        assertThat(checked.accepted()).as("%s accepted", escaped(raw)).isFalse();
        assertThat(checked.value()).isNull();
        return checked.problem();
    }

    private static String escaped(String raw) {
        StringBuilder out = new StringBuilder();
        raw.codePoints()
                .forEach(cp -> out.append(cp < 0x80 && cp >= 0x20 ? Character.toString(cp) : "\\u{%X}".formatted(cp)));
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "张三",
                "欧阳娜娜",
                "阿依古丽·买买提",
                "\uD842\uDFB7野家", // 𠮷 U+20BB7, Extension B
                "䶮", // U+4DAE, Extension A
                "李\uD873\uDC56", // 𬱖 U+2CC56, Extension E
                "\uD87E\uDC00", // U+2F800, a compatibility ideograph (NFC maps it to its unified one)
                "\uD880\uDC00", // U+30000, Extension G (third plane)
                "\uD884\uDF50", // U+31350, Extension H
                "José Ñúñez-O'Brien",
                "Müller",
                "Zoë Saldaña",
                "Łukasz Żółć",
                "Nguyễn Thị Minh Khai",
                "Søren Kierkegaard",
                "François d'Alembert",
                "艾力·买买提明",
                "鑫",
                "佐々木",
                "Jean-Paul Sartre"
            })
    void realNamesOfPeopleAreAcceptedAsTheyAreWritten(String name) {
        assertThat(accepted(name, Kind.PERSON)).isEqualTo(Normalizer.normalize(name, Normalizer.Form.NFC));
    }

    @Test
    void rareIdeographsRoundTripExactly() {
        assertThat(accepted("\uD842\uDFB7野家", Kind.PERSON)).isEqualTo("𠮷野家").hasSize(4);
        assertThat(accepted("李\uD873\uDC56", Kind.PERSON).codePointAt(1)).isEqualTo(0x2CC56);
        assertThat(accepted("䶮", Kind.PERSON).codePointAt(0)).isEqualTo(0x4DAE);
    }

    @Test
    void whatIsAcceptedIsNfcNormalised() {
        String decomposed = "Mu\u0308ller"; // u + combining diaeresis
        assertThat(accepted(decomposed, Kind.PERSON)).isEqualTo("Müller").hasSize(6);
        assertThat(accepted("Jose\u0301", Kind.PERSON)).isEqualTo("José");
        // a compatibility ideograph becomes its unified ideograph
        assertThat(accepted("\uF900", Kind.PERSON)).isEqualTo("\u8C48");
        // a diacritic with no precomposed letter stays a combining mark on its Latin letter
        assertThat(accepted("Spın\u0308al", Kind.PERSON)).isEqualTo("Spın\u0308al");
    }

    @Test
    void theDotsPeopleTypeBecomeTheMiddleDot() {
        for (String dot :
                new String[] {"\u30FB", "\uFF65", "\u2027", "\uFF0E", "\u2022", "\u2219", "\u22C5", "\u0387", "."}) {
            assertThat(accepted("阿依古丽" + dot + "买买提", Kind.PERSON))
                    .as("dot U+%04X", dot.codePointAt(0))
                    .isEqualTo("阿依古丽·买买提");
        }
    }

    @Test
    void lookAlikeSeparatorsAndFullWidthLettersAreFolded() {
        assertThat(accepted("O\u2019Brien", Kind.PERSON)).isEqualTo("O'Brien");
        assertThat(accepted("Jean\u2010Paul", Kind.PERSON)).isEqualTo("Jean-Paul");
        assertThat(accepted("Anna\u3000Müller", Kind.PERSON)).isEqualTo("Anna Müller");
        assertThat(accepted("Anna\u00A0Müller", Kind.PERSON)).isEqualTo("Anna Müller");
        assertThat(accepted("\uFF2A\uFF4F\uFF48\uFF4E", Kind.PERSON)).isEqualTo("John");
        assertThat(accepted("  张三  ", Kind.PERSON)).isEqualTo("张三");
    }

    @Test
    void organisationsAlsoUseDigitsBracketsAndTheirPunctuation() {
        for (String name : new String[] {
            "杭州一次科技有限公司",
            "北京三六零科技有限公司（上海分公司）",
            "Acme (Hangzhou) Co., Ltd.",
            "AT&T Inc.",
            "Procter & Gamble",
            "3M China Ltd.",
            "阿依古丽·买买提餐饮店",
            "\uD842\uDFB7野家餐饮有限公司"
        }) {
            assertThat(accepted(name, Kind.ORGANISATION)).isEqualTo(name);
        }
        assertThat(accepted("一次科技（杭州）有限公司", Kind.ORGANISATION)).isEqualTo("一次科技（杭州）有限公司");
        assertThat(accepted("\uFF13M", Kind.ORGANISATION)).isEqualTo("3M");
        refused("Acme (Hangzhou Co.", Kind.ORGANISATION);
        refused("Acme () Co.", Kind.ORGANISATION);
        refused("Acme) (Co", Kind.ORGANISATION);
        refused("Acme,, Ltd", Kind.ORGANISATION);
        refused("& Co", Kind.ORGANISATION);
        refused("123", Kind.ORGANISATION);
        refused("一次科技有限公司😀", Kind.ORGANISATION);
        // not a person's
        refused("张三(1)", Kind.PERSON);
        refused("张3", Kind.PERSON);
        refused("J. R. Smith", Kind.PERSON);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "张三😀", // emoji
                "张三😀\u202E", // emoji and right-to-left override: the reported case
                "张三\u202E", // RLO
                "\u202A张三", // LRE
                "张\u202D三", // LRO
                "张三\u2066", // LRI
                "张三\u2069", // PDI
                "张\u200E三", // LRM
                "张\u200F三", // RLM
                "张\u200B三", // zero-width space
                "张\u200C三", // ZWNJ
                "张\u200D三", // ZWJ
                "张\uFEFF三", // zero-width no-break space
                "张\u2060三", // word joiner
                "张\u00AD三", // soft hyphen
                "张三\uFE0F", // variation selector 16
                "张\uDB40\uDD00三", // ideographic variation selector U+E0100
                "张\u0000三", // NUL
                "张\u0007三", // BEL
                "张\t三", // tab
                "张\n三", // line feed
                "张\u0085三", // NEL
                "张三\u2028", // line separator
                "张三\n", // white space other than a space at an end is not stripped but refused
                "\t张三",
                "张\uE000三", // private use
                "张\uD800三", // an unpaired surrogate (JSON can carry one escaped)
                "张\u2F08三", // Kangxi radical 人 (a symbol that looks like an ideograph)
                "Ivan Иванов", // Cyrillic
                "张三!", // punctuation
                "<script>", // markup
            })
    void emojiControlDirectionAndInvisibleCharactersAreRefused(String name) {
        refused(name, Kind.PERSON);
        refused(name, Kind.ORGANISATION);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "\u3000\u3000",
                "·张三",
                "张三·",
                "-Anna",
                "Anna-",
                "'Anna",
                "Anna'",
                "张··三",
                "Anna  Müller",
                "Anna -Müller",
                "O''Brien",
                "Jean--Paul",
                "张三·\u30FB李四",
                "·",
                "--",
                "\u0301Anna", // a combining mark with no letter
                "张\u0301", // a combining mark on an ideograph
                "Z\u0301\u0302\u0303\u0304algo" // marks stacked (NFC composes the first)
            })
    void blankNamesAndMisplacedSeparatorsAreRefused(String name) {
        refused(name, Kind.PERSON);
        refused(name, Kind.ORGANISATION);
    }

    @Test
    void atMostOneHundredCharactersCountedAsCharactersNotUtf16Units() {
        String hundredRare = "\uD842\uDFB7".repeat(100); // 200 UTF-16 units, 100 characters
        assertThat(accepted(hundredRare, Kind.PERSON)).isEqualTo(hundredRare);
        assertThat(accepted("a".repeat(100), Kind.PERSON)).hasSize(100);
        assertThat(refused("a".repeat(101), Kind.PERSON)).contains("100");
        assertThat(refused("\uD842\uDFB7".repeat(101), Kind.ORGANISATION)).contains("100");
        assertThat(refused("张".repeat(10_000), Kind.PERSON)).contains("100");
        // counted after NFC: 100 letters given decomposed are 100 characters
        assertThat(accepted("e\u0301".repeat(100), Kind.PERSON)).isEqualTo("é".repeat(100));
    }

    @Test
    void theProblemNamesARefusedCharacterByItsCodeOnly() {
        assertThat(refused("张三😀", Kind.PERSON)).isEqualTo("must not contain the character U+1F600");
        assertThat(refused("张三\uD800", Kind.PERSON)).isEqualTo("must not contain the character U+D800");
        assertThat(refused("张三\u202E", Kind.PERSON))
                .contains("direction")
                .contains("U+202E")
                .doesNotContain("\u202E");
    }

    @Test
    void theApplicantTypeDecidesTheKind() {
        assertThat(Kind.of("NATURAL_PERSON")).isEqualTo(Kind.PERSON);
        assertThat(Kind.of("LEGAL_ENTITY")).isEqualTo(Kind.ORGANISATION);
    }
}
