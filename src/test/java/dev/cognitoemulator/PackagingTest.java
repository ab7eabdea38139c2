package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the thin artifact ({@code dev.cognitoemulator:cognito-emulator}, the jar embedders put on their test
 * classpath) brings with it: no logging backend and no logging configuration, so an embedder's logging stays
 * their own. The runnable jar gets logback from the shade plugin and its configuration from Main.
 */
class PackagingTest {

    /** A {@code <dependency>} of pom.xml's {@code <dependencies>}. */
    private record Dependency(String groupId, String artifactId, String scope, boolean optional) {

        /** Whether Maven hands it on to a project that depends on ours. */
        boolean transitive() {
            return !optional && (scope.equals("compile") || scope.equals("runtime"));
        }
    }

    private static List<Dependency> dependencies() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                .getDocumentElement();
        List<Dependency> dependencies = new ArrayList<>();
        for (Element dependency : children(child(project, "dependencies"), "dependency")) {
            dependencies.add(new Dependency(text(dependency, "groupId", ""), text(dependency, "artifactId", ""),
                    text(dependency, "scope", "compile"), text(dependency, "optional", "false").equals("true")));
        }
        return dependencies;
    }

    @Test
    void noLogbackArtifactReachesEmbedders() throws Exception {
        List<Dependency> dependencies = dependencies();
        assertThat(dependencies).filteredOn(Dependency::transitive).extracting(Dependency::groupId)
                .isNotEmpty().doesNotContain("ch.qos.logback");
        // ... while the runnable jar, which packs optional dependencies, still gets it.
        assertThat(dependencies).contains(new Dependency("ch.qos.logback", "logback-classic", "compile", true));
        assertThat(dependencies).filteredOn(Dependency::transitive).extracting(Dependency::artifactId)
                .contains("slf4j-api");
    }

    @Test
    void theThinJarCarriesNoConfigurationLogbackWouldLoadByItself() throws URISyntaxException {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(Files.isDirectory(classes)).as("%s holds the main classes", classes).isTrue();
        for (String name : List.of("logback.xml", "logback-test.xml", "logback.groovy", "logback.scmo",
                "META-INF/services/ch.qos.logback.classic.spi.Configurator")) {
            assertThat(classes.resolve(name)).as("%s in %s", name, classes).doesNotExist();
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getTagName()).hasSize(1);
        return found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name, String absent) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? absent : found.get(0).getTextContent().trim();
    }
}
