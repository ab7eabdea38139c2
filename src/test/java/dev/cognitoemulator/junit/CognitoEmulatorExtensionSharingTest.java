package dev.cognitoemulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cognitoemulator.CognitoEmulator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Who gets which emulator, and when it closes: classes registering one {@code shared()} instance get one emulator,
 * closed at the end of the run; a class with its own instance gets its own, closed after its tests. The classes
 * below are run by the JUnit engine from inside the test (Surefire does not pick up nested classes).
 */
class CognitoEmulatorExtensionSharingTest {

    static final CognitoEmulatorExtension SHARED = CognitoEmulatorExtension.builder().shared().build();
    /** The emulator each class's test was given, by class. */
    static final Map<Class<?>, CognitoEmulator> SEEN = new ConcurrentHashMap<>();

    static class First {
        @RegisterExtension
        static final CognitoEmulatorExtension COGNITO = SHARED;

        @Test
        void records(CognitoEmulator emulator) {
            SEEN.put(First.class, emulator);
        }
    }

    static class Second {
        @RegisterExtension
        static final CognitoEmulatorExtension COGNITO = SHARED;

        @Test
        void records(CognitoEmulator emulator) {
            SEEN.put(Second.class, emulator);
        }
    }

    static class OwnEmulator {
        @RegisterExtension
        static final CognitoEmulatorExtension COGNITO = CognitoEmulatorExtension.builder().build();

        @Test
        void records(CognitoEmulator emulator) {
            SEEN.put(OwnEmulator.class, emulator);
        }
    }

    static class MissingSeed {
        @RegisterExtension
        static final CognitoEmulatorExtension COGNITO = CognitoEmulatorExtension.builder()
                .seedResource("no/such/seed.json").build();

        @Test
        void neverRuns() {
        }
    }

    @Test
    void aMissingSeedResourceFailsTheClass() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(MissingSeed.class)).execute().containerEvents()
                .failed().assertThatEvents().singleElement().satisfies(event -> assertThat(event
                        .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                        .orElseThrow()).isInstanceOf(ExtensionConfigurationException.class)
                        .hasMessage("no classpath resource /no/such/seed.json"));
    }

    @Test
    void classesOfOneSharedInstanceGetOneEmulatorClosedAtTheEndOfTheRun() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(First.class), selectClass(Second.class), selectClass(OwnEmulator.class))
                .execute().testEvents().assertStatistics(s -> s.started(3).succeeded(3));

        assertThat(SEEN).containsOnlyKeys(First.class, Second.class, OwnEmulator.class);
        assertThat(SEEN.get(Second.class)).isSameAs(SEEN.get(First.class));
        assertThat(SEEN.get(OwnEmulator.class)).isNotSameAs(SEEN.get(First.class));
        for (CognitoEmulator closed : List.copyOf(SEEN.values())) {
            assertThatThrownBy(closed::port).isInstanceOf(IllegalStateException.class).hasMessage("not started");
        }
    }
}
