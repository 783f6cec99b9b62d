package dev.arclab.kernel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.ParsedCellMagic;
import org.dflib.jjava.jupyter.kernel.magic.ParsedLineMagic;

/**
 * Turns {@code %name args} and {@code %%name args\nbody} into calls to {@link Notebook#lineMagic} and
 * {@link Notebook#cellMagic}, keeping the line breaks (so error line numbers stay right) and leaving magics
 * inside string literals alone.
 */
final class NotebookMagicTranspiler extends MagicTranspiler {
    private static final Pattern UNESCAPED_QUOTE = Pattern.compile("(?<!\\\\)\"");
    private static final String NOTEBOOK = Notebook.class.getName();

    @Override
    public String transpileCell(ParsedCellMagic magic) {
        return NOTEBOOK + ".cellMagic(" + literal(magic.magicCall.name) + ",java.util.List.of("
                + magic.magicCall.args.stream().map(NotebookMagicTranspiler::literal).collect(Collectors.joining(","))
                + ")," + literal(magic.magicCall.body) + ");";
    }

    @Override
    public String transpileLine(ParsedLineMagic magic) {
        boolean inString = false;
        Matcher m = UNESCAPED_QUOTE.matcher(magic.linePrefix);
        while (m.find()) {
            inString = !inString;
        }
        if (inString) {
            return magic.raw;
        }
        String leading = magic.raw.substring(0, Math.max(0, magic.raw.indexOf('%')));
        return leading + NOTEBOOK + ".lineMagic(" + literal(magic.magicCall.name) + ",java.util.List.of("
                + magic.magicCall.args.stream().map(NotebookMagicTranspiler::literal).collect(Collectors.joining(","))
                + "));";
    }

    private static String literal(String s) {
        return "new String(java.util.Base64.getDecoder().decode(\""
                + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))
                + "\"),java.nio.charset.StandardCharsets.UTF_8)";
    }
}
