package org.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.jgrad.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CsvReader on text written here: headers, delimiters, label columns, quoting, gzip, and every error. */
class CsvReaderTest {
    @TempDir
    Path dir;

    private static CsvTable read(CsvReader reader, String text) throws IOException {
        return reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv");
    }

    private static void assertFails(Class<? extends Exception> type, CsvReader reader, String text, String... parts) {
        Exception e = assertThrows(type, () -> read(reader, text).toClassDataset());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "mentions " + part + ": " + e.getMessage());
        }
    }

    @Test
    void readsAHeaderAndALabelColumnByName() throws IOException {
        String text = "\uFEFFa, \"b, the second\" ,label,d\r\n1,2,0,4\r\n\r\n 5 ,-6e-1,2, 8 \r\n";
        CsvTable t = read(new CsvReader().header(true).labelColumn("label"), text);
        assertEquals(2, t.rows());
        assertEquals(3, t.featureCount());
        assertEquals(List.of("a", "b, the second", "d"), t.featureNames());
        assertEquals(Optional.of("label"), t.labelName());
        assertArrayEquals(new float[] {1, 2, 4, 5, -0.6f, 8}, t.features());
        assertArrayEquals(new float[] {0, 2}, t.labels());
        TensorDataset data = t.toClassDataset();
        assertEquals(2, data.size());
        assertArrayEquals(new int[] {3}, data.inputShape());
        assertEquals(DType.INT32, data.targetType());
    }

    @Test
    void readsWithoutHeaderByIndexWithAnotherDelimiterFromGzip() throws IOException {
        Path file = dir.resolve("r.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("0.5;1;10\n1.5;\"2\";20\n".getBytes(StandardCharsets.UTF_8));
        }
        CsvTable last = new CsvReader().delimiter(';').labelColumn(-1).read(file);
        assertEquals(List.of("column 1", "column 2"), last.featureNames());
        assertArrayEquals(new float[] {0.5f, 1, 1.5f, 2}, last.features());
        assertArrayEquals(new float[] {10, 20}, last.labels());
        TensorDataset regression = last.toRegressionDataset();
        assertArrayEquals(new int[] {1}, regression.targetShape());
        assertEquals(DType.FLOAT32, regression.targetType());
        CsvTable first = new CsvReader().delimiter(';').labelColumn(0).read(file);
        assertEquals(Optional.of("column 1"), first.labelName());
        assertArrayEquals(new float[] {1, 10, 2, 20}, first.features());
        CsvTable none = new CsvReader().delimiter(';').read(file);
        assertEquals(3, none.featureCount());
        assertEquals(Optional.empty(), none.labelName());
        IllegalStateException e = assertThrows(IllegalStateException.class, none::toClassDataset);
        assertTrue(e.getMessage().contains("without a label column"), e.getMessage());
    }

    @Test
    void namesTheLineAndColumnOfABadField() {
        CsvReader byName = new CsvReader().header(true).labelColumn("y");
        assertFails(IOException.class, byName, "x,y\n1,2\n\nabc,3\n", "t.csv: line 4, column 1 (x)",
                "'abc' is not a number");
        assertFails(IOException.class, byName, "y,x\n2,1\n,3\n", "t.csv: line 3, column 1 (y): empty field; expected a label");
        assertFails(IOException.class, byName, "x,y\n1,\n", "line 2, column 2 (y)", "empty field");
        assertFails(IOException.class, new CsvReader(), "1,2\n3,x\n", "t.csv: line 2, column 2: 'x' is not a number");
        assertFails(IOException.class, new CsvReader().labelColumn(0), "1,2\n3,x\n", "line 2, column 2: 'x'");
        assertFails(IOException.class, byName, "x,y\n1,2\n3\n", "line 3", "1 fields, expected 2", "(header)");
        assertFails(IOException.class, byName, "x,y\n1,\"2\n", "line 2, column 2", "no closing quote");
        assertFails(IOException.class, byName, "x,y\n1,\"2\"3\n", "line 2, column 2",
                "unexpected '3' after a closing quote");
        assertFails(IOException.class, new CsvReader(), "\n  \n", "t.csv: no data");
        assertFails(IOException.class, byName, "x,y\n\n", "t.csv: no data rows after the header");
    }

    @Test
    void rejectsALabelColumnThatIsNotThere() {
        assertFails(IOException.class, new CsvReader().header(true).labelColumn("z"), "x,y\n1,2\n",
                "line 1", "no column is named 'z'", "[x, y]");
        assertFails(IOException.class, new CsvReader().labelColumn("y"), "1,2\n", "needs header(true)");
        assertFails(IOException.class, new CsvReader().labelColumn(2), "1,2\n",
                "label column index 2 is outside the 2 columns");
        assertFails(IOException.class, new CsvReader().labelColumn(-3), "1,2\n", "index -3");
        assertThrows(IllegalArgumentException.class, () -> new CsvReader().delimiter('"'));
    }

    @Test
    void textLabelsBecomeClassIndicesInSortedOrderAndTheMappingIsKept() throws IOException {
        String iris = "sepal_length,sepal_width,species\n5.1,3.5,setosa\n7.0,3.2,versicolor\n6.3,3.3,virginica\n"
                + "4.9,3.0,setosa\n";
        CsvTable t = read(new CsvReader().header(true).labelColumn("species"), iris);
        assertEquals(List.of("setosa", "versicolor", "virginica"), t.classNames());
        assertArrayEquals(new float[] {0, 1, 2, 0}, t.labels());
        TensorDataset data = t.toClassDataset();
        assertEquals(DType.INT32, data.targetType());
        assertEquals(4, data.size());
        Path names = dir.resolve("run/classes.txt");
        t.saveClassNames(names);
        assertEquals("setosa\nversicolor\nvirginica\n", Files.readString(names));
        CsvReader sameMapping = new CsvReader().header(true).labelColumn("species")
                .classNames(CsvTable.readClassNames(names));
        CsvTable test = read(sameMapping, "sepal_length,sepal_width,species\n6.3,3.3,virginica\n");
        assertArrayEquals(new float[] {2}, test.labels(), "index 2 though the file holds one class");
        assertFails(IOException.class, sameMapping, "a,b,species\n1,2,setosa\n1,2,iris\n",
                "t.csv: line 3, column 3 (species): 'iris' is not one of the given class names [setosa, versicolor,"
                        + " virginica]");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.toRegressionDataset());
        assertTrue(e.getMessage().contains("holds class names [setosa, versicolor, virginica], not numbers"), e.getMessage());
        assertEquals(List.of(), read(new CsvReader().labelColumn(-1), "1,2\n3,4\n").classNames(), "numeric labels");
        assertThrows(IllegalArgumentException.class, () -> new CsvReader().classNames(List.of("a", "a")));
    }

    @Test
    void classLabelsMustBeWholeNumbersAtLeastZero() {
        CsvReader reader = new CsvReader().header(true).labelColumn("y");
        assertFails(IllegalArgumentException.class, reader, "x,y\n1,2\n\n3,2.5\n", "t.csv: line 4, column 2 (y)",
                "2.5 is not a class label");
        assertFails(IllegalArgumentException.class, reader, "y,x\n-1,2\n", "line 2, column 1 (y)", "-1.0");
    }

    @Test
    void theEmbeddedDigitsFileReadsAs1797RowsOf64Features() throws IOException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (var in = Digits.class.getResourceAsStream("digits.csv.gz")) {
            in.transferTo(copy);
        }
        CsvTable digits = new CsvReader().labelColumn(64).read(new ByteArrayInputStream(copy.toByteArray()), "digits");
        assertEquals(1797, digits.rows());
        assertEquals(64, digits.featureCount());
        assertTrue(copy.size() < 64 * 1024, "the embedded file stays small: " + copy.size() + " bytes");
    }
}
