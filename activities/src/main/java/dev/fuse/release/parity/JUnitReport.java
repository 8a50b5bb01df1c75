package dev.fuse.release.parity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a JUnit XML report (a {@code testsuite} or {@code testsuites} root, the format CI tools
 * share): counts test cases and names every failed or errored one. DTDs and external entities
 * are refused.
 */
public final class JUnitReport {
    /** Totals and divergent cases as "name: message". */
    public record Summary(int tests, List<String> failures) {}

    private JUnitReport() {}

    public static Summary read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no JUnit report at " + file.getFileName());
        }
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            doc = builder.parse(file.toFile());
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("malformed JUnit report " + file.getFileName() + ": " + e.getMessage(), e);
        }
        String root = doc.getDocumentElement().getTagName();
        if (!root.equals("testsuite") && !root.equals("testsuites")) {
            throw new IOException("malformed JUnit report " + file.getFileName() + ": root element <" + root
                    + ">, expected <testsuite> or <testsuites>");
        }
        NodeList cases = doc.getElementsByTagName("testcase");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            String name = c.getAttribute("name");
            if (name.isBlank()) {
                throw new IOException("malformed JUnit report " + file.getFileName() + ": a testcase has no name");
            }
            for (String kind : List.of("failure", "error")) {
                NodeList problems = c.getElementsByTagName(kind);
                if (problems.getLength() > 0) {
                    Element p = (Element) problems.item(0);
                    String message = p.getAttribute("message").isBlank()
                            ? p.getTextContent().strip()
                            : p.getAttribute("message");
                    failures.add(name + ": " + message);
                    break;
                }
            }
        }
        if (cases.getLength() == 0) {
            throw new IOException("JUnit report " + file.getFileName() + " holds no test case");
        }
        return new Summary(cases.getLength(), failures);
    }
}
