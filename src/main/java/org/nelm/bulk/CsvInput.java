package org.nelm.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An uploaded file as the CSV parser reads it, streamed in 8 KB steps: strict UTF-8 (a BOM is skipped, a UTF-16 BOM
 * refused), with the exact line of the first byte that is not UTF-8, and at most {@link #MAX_COMMAS} commas per
 * record, so that one huge row cannot make the parser hold millions of values. Memory does not depend on the file.
 */
final class CsvInput extends Reader {

    /**
     * Far above any real row (16,384 spreadsheet columns plus the commas inside quoted values of the longest valid
     * row) and far below what hurts: the parser holds one record's values at a time.
     */
    static final int MAX_COMMAS = 100_000;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean started;
    private boolean endOfInput;
    private long line = 1;
    private int commas;

    CsvInput(InputStream in) {
        this.in = in;
    }

    /** The parser has finished a record: its commas no longer count. */
    void recordRead() {
        commas = 0;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!started) {
            start();
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                count(buffer, offset, out.position());
                throw new NotUtf8(line);
            }
            if (result.isUnderflow() && out.position() == offset) {
                if (endOfInput) {
                    return -1;
                }
                fill();
            }
        }
        count(buffer, offset, out.position());
        return out.position() - offset;
    }

    private void start() throws IOException {
        started = true;
        while (!endOfInput && bytes.remaining() < 3) {
            fill();
        }
        if (bytes.remaining() >= 2 && (bytes.get(0) == (byte) 0xFF && bytes.get(1) == (byte) 0xFE
                || bytes.get(0) == (byte) 0xFE && bytes.get(1) == (byte) 0xFF)) {
            throw new Utf16();
        }
        if (bytes.remaining() >= 3 && bytes.get(0) == (byte) 0xEF && bytes.get(1) == (byte) 0xBB
                && bytes.get(2) == (byte) 0xBF) {
            bytes.position(3);
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void count(char[] buffer, int from, int to) throws TooManyCommas {
        for (int i = from; i < to; i++) {
            char c = buffer[i];
            if (c == '\n') {
                line++;
            } else if (c == ',' && ++commas > MAX_COMMAS) {
                throw new TooManyCommas(line);
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A byte sequence that is not UTF-8, on {@code line}. */
    static final class NotUtf8 extends IOException {
        final long line;

        NotUtf8(long line) {
            super("not UTF-8 on line " + line);
            this.line = line;
        }
    }

    /** The file starts with a UTF-16 byte order mark. */
    static final class Utf16 extends IOException {
        Utf16() {
            super("UTF-16");
        }
    }

    /** A record with more than {@link #MAX_COMMAS} commas, reaching {@code line}. */
    static final class TooManyCommas extends IOException {
        final long line;

        TooManyCommas(long line) {
            super("more than " + MAX_COMMAS + " commas in one record, line " + line);
            this.line = line;
        }
    }
}
