package dev.moco4j.backup.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TsvTest {

  @Test
  void everySpecialByteIsEscapedTheWayLoadDataReadsIt() throws IOException {
    byte[] value = {'a', '\\', '\t', '\n', '\r', 0, 0x1A, 'N', 'z'};

    assertThat(encode(new byte[][] {value}))
        .isEqualTo("a\\\\\\t\\n\\r\\0\\ZNz\n".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void nullEmptyAndTheTextBackslashNAreThreeDifferentValues() throws IOException {
    byte[][] row = {null, new byte[0], "\\N".getBytes(StandardCharsets.US_ASCII)};

    byte[] encoded = encode(row);

    assertThat(new String(encoded, StandardCharsets.US_ASCII)).isEqualTo("\\N\t\t\\\\N\n");
    assertThat(decode(encoded)).isEqualTo(row);
  }

  @Test
  void everyByteValueSurvivesAlone() throws IOException {
    for (int b = 0; b < 256; b++) {
      byte[][] row = {{(byte) b}, {'x', (byte) b, 'y'}};

      assertThat(decode(encode(row))).as("byte 0x%02X", b).isEqualTo(row);
    }
  }

  @Test
  void randomBinaryRowsRoundTripAndKeepTheirShape() throws IOException {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<byte[][]> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      byte[][] row = new byte[1 + random.nextInt(6)][];
      for (int c = 0; c < row.length; c++) {
        row[c] = random.nextInt(8) == 0 ? null : randomBytes(random);
      }
      rows.add(row);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TsvWriter writer = new TsvWriter(out, null);
    for (byte[][] row : rows) {
      writer.writeRow(row);
    }
    byte[] encoded = out.toByteArray();

    // Independent of the reader: unescaped tabs and newlines are exactly the separators.
    assertThat(count(encoded, '\n')).as("seed %d", seed).isEqualTo(rows.size());
    assertThat(count(encoded, '\t'))
        .as("seed %d", seed)
        .isEqualTo(rows.stream().mapToInt(r -> r.length - 1).sum());
    assertThat(count(encoded, 0)).as("seed %d", seed).isZero();
    assertThat(count(encoded, '\r')).as("seed %d", seed).isZero();
    assertThat(count(encoded, 0x1A)).as("seed %d", seed).isZero();
    TsvReader reader = new TsvReader(new ByteArrayInputStream(encoded));
    for (int i = 0; i < rows.size(); i++) {
      assertThat(reader.nextRow()).as("seed %d, row %d", seed, i).isEqualTo(rows.get(i));
    }
    assertThat(reader.nextRow()).isNull();
    assertThat(writer.rows()).isEqualTo(rows.size());
  }

  @Test
  void theTableChecksumIsTheSha256OfAllRowsAcrossChunkWriters() throws Exception {
    TableChecksum checksum = new TableChecksum();
    ByteArrayOutputStream chunk1 = new ByteArrayOutputStream();
    ByteArrayOutputStream chunk2 = new ByteArrayOutputStream();
    new TsvWriter(chunk1, checksum).writeRow("1".getBytes(), "a\tb".getBytes());
    new TsvWriter(chunk2, checksum).writeRow("2".getBytes(), null);

    byte[] all = "1\ta\\tb\n2\t\\N\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(checksum.hex())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all)));
  }

  @Test
  void theReaderAcceptsTheOtherEscapesOfLoadData() throws IOException {
    assertThat(decode("\\b\n".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(new byte[][] {{'\b'}});
  }

  @ParameterizedTest
  @ValueSource(strings = {"no line end", "bad \\q escape\n", "\\Nx\n", "x\\N\n", "ends in \\"})
  void theReaderRefusesWhatTheWriterNeverWrites(String text) {
    assertThatThrownBy(() -> decode(text.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(TsvReader.MalformedTsvException.class);
  }

  private static byte[] encode(byte[][] row) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TsvWriter(out, null).writeRow(row);
    return out.toByteArray();
  }

  private static byte[][] decode(byte[] encoded) throws IOException {
    TsvReader reader = new TsvReader(new ByteArrayInputStream(encoded));
    byte[][] row = reader.nextRow();
    assertThat(reader.nextRow()).isNull();
    return row;
  }

  private static byte[] randomBytes(Random random) {
    byte[] specials = {'\\', '\t', '\n', '\r', 0, 0x1A, 'N'};
    byte[] value = new byte[random.nextInt(20)];
    for (int i = 0; i < value.length; i++) {
      value[i] =
          random.nextBoolean()
              ? specials[random.nextInt(specials.length)]
              : (byte) random.nextInt(256);
    }
    return value;
  }

  private static int count(byte[] bytes, int value) {
    int n = 0;
    for (byte b : bytes) {
      n += (b & 0xFF) == value ? 1 : 0;
    }
    return n;
  }
}
