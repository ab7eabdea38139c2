package dev.cognitoemulator.protocol;

import java.util.List;

/** A shape of the service model, with its constraints compiled (patterns once, at start-up). */
public sealed interface Shape {

    /** A structure member: its wire name, its name in validation paths (lowerCamel) and its shape. */
    record Member(String name, String pathName, boolean required, Shape shape) {
    }

    final class Structure implements Shape {
        private final boolean sensitive;
        private List<Member> members = List.of();

        Structure(boolean sensitive) {
            this.sensitive = sensitive;
        }

        public boolean sensitive() {
            return sensitive;
        }

        /** Members are filled in after every shape exists, since structures may refer to each other. */
        void members(List<Member> members) {
            this.members = List.copyOf(members);
        }

        public List<Member> members() {
            return members;
        }
    }

    record ListShape(Shape member, Long min, Long max) implements Shape {
    }

    record MapShape(StringShape key, Shape value, Long min, Long max, boolean sensitive) implements Shape {
    }

    record StringShape(Long min, Long max, ValuePattern pattern, List<String> enumValues, boolean sensitive)
            implements Shape {
    }

    /** integer and long. */
    record NumberShape(boolean integer, Long min, Long max) implements Shape {
    }

    record BooleanShape() implements Shape {
    }

    /** Epoch seconds on the wire. */
    record TimestampShape() implements Shape {
    }

    /** Base64 text on the wire. */
    record BlobShape(Long min, Long max, boolean sensitive) implements Shape {
    }

    /** Free-form JSON (the model's {@code document} shapes). */
    record DocumentShape() implements Shape {
    }

    static String pathName(String memberName) {
        return Character.toLowerCase(memberName.charAt(0)) + memberName.substring(1);
    }
}
