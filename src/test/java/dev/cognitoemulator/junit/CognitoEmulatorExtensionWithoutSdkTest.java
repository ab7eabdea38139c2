package dev.cognitoemulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * The SDK is optional: the extension's classes load, link and build in a class loader that has everything but the
 * AWS SDK, as they would on a test classpath without it.
 */
class CognitoEmulatorExtensionWithoutSdkTest {

    /** The test's classpath less the AWS SDK; the project's own classes left to the child loader. */
    private static final class WithoutSdk extends ClassLoader {
        WithoutSdk() {
            super(ClassLoader.getSystemClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("software.amazon.awssdk.") || name.startsWith("dev.cognitoemulator.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void theExtensionLoadsAndBuildsWithoutTheSdk() throws Exception {
        URL classes = CognitoEmulatorExtension.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, new WithoutSdk())) {
            Class<?> extension = Class.forName(CognitoEmulatorExtension.class.getName(), true, loader);
            assertThat(extension.getClassLoader()).isSameAs(loader);
            Object builder = extension.getMethod("builder").invoke(null);
            builder.getClass().getMethod("resetBeforeEach").invoke(builder);
            builder.getClass().getMethod("shared").invoke(builder);
            assertThat(builder.getClass().getMethod("build").invoke(builder)).isInstanceOf(extension);
            // ... while the one class that uses the SDK cannot load there.
            assertThatThrownBy(() -> Class.forName(SdkClient.class.getName(), true, loader))
                    .isInstanceOf(NoClassDefFoundError.class)
                    .hasMessageStartingWith("software/amazon/awssdk/");
        }
    }
}
