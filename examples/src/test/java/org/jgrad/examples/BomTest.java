package org.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM (bom/pom.xml) manages every artifact the build makes, at the parent's version, and the
 * parent's own dependencyManagement lists no artifact the BOM lacks; every module's POM has the
 * metadata Maven Central asks for (inherited from the parent or its own).
 */
class BomTest {
    private static final Path ROOT = Path.of("..");

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of the first direct child of {@code parent} called {@code name}, or null. */
    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static List<String> managed(Document pom) {
        List<String> artifacts = new ArrayList<>();
        NodeList dependencies = pom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element d = (Element) dependencies.item(i);
            if ("org.jgrad".equals(child(d, "groupId")) && d.getParentNode().getParentNode().getNodeName()
                    .equals("dependencyManagement")) {
                String type = child(d, "type");
                artifacts.add(child(d, "artifactId") + (type == null ? "" : ":" + type));
            }
        }
        return artifacts;
    }

    @Test
    void theBomManagesEveryModuleAtTheParentsVersion() throws Exception {
        Element parent = parse(ROOT.resolve("pom.xml")).getDocumentElement();
        Document bom = parse(ROOT.resolve("bom/pom.xml"));
        assertEquals(child(parent, "version"), child(bom.getDocumentElement(), "version"), "BOM and parent versions");
        List<String> inBom = managed(bom);
        NodeList modules = parent.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            Element module = parse(ROOT.resolve(modules.item(i).getTextContent().trim()).resolve("pom.xml"))
                    .getDocumentElement();
            String artifact = child(module, "artifactId");
            if (!"pom".equals(child(module, "packaging"))) {
                assertTrue(inBom.contains(artifact), "the BOM manages " + artifact + ": " + inBom);
            }
        }
        for (String artifact : managed(parse(ROOT.resolve("pom.xml")))) {
            assertTrue(inBom.contains(artifact), "the parent manages " + artifact + ", the BOM does not: " + inBom);
        }
    }

    @Test
    void everyPomHasWhatMavenCentralAsks() throws Exception {
        for (String pom : List.of("pom.xml", "bom/pom.xml")) {
            Element root = parse(ROOT.resolve(pom)).getDocumentElement();
            for (String field : List.of("name", "description", "url", "licenses", "developers", "scm")) {
                assertTrue(child(root, field) != null && !child(root, field).isEmpty(), pom + " has " + field);
            }
        }
    }
}
