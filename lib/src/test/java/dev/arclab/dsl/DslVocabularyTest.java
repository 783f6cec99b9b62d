package dev.arclab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DslVocabularyTest {

    @Test
    void all160PrimitivesAreImplementedInReferenceOrder() {
        List<Primitive> all = Dsl.primitives();
        assertEquals(160, all.size());
        for (int k = 0; k < all.size(); k++) {
            assertEquals(k + 1, all.get(k).index());
        }
        assertEquals("identity", all.get(0).name());
        assertEquals("vperiod", all.get(159).name());
        assertEquals(4, Dsl.require("objects").arity());
    }

    @Test
    void eachPrimitiveIsDeclaredWithItsSignatureAndASummary() {
        for (Primitive p : Dsl.primitives()) {
            assertEquals(p.name(), p.signature().name());
            assertEquals(p.arity(), p.signature().arity(), p.name());
            assertTrue(p.summary().length() > 5 && !p.summary().contains("\n"), p.name() + ": " + p.summary());
        }
        assertEquals("Connected-component extraction.", Dsl.require("objects").summary());
        assertEquals("double", Dsl.require("double").name(), "the name is the signature's, not the Java method's");
    }

    /** Declarations that do not match their bodies. */
    static final class Bad {
        @Def(index = 1, signature = "two(a: Any, b: Any) -> Any", summary = "declared with two parameters")
        public static Object two(Object a) {
            return a;
        }
    }

    @Test
    void aDeclarationThatDoesNotMatchItsBodyIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Primitive.declaredIn(java.lang.invoke.MethodHandles.lookup(), Bad.class));
        assertTrue(e.getMessage().contains("Bad.two") && e.getMessage().contains("two(a: Any, b: Any)"), e.getMessage());
    }

    @Test
    void the28Constants() {
        assertEquals(28, Dsl.constants().size());
        assertEquals(1, Dsl.constant("T"));
        assertEquals(0, Dsl.constant("F"));
        assertEquals(-2, Dsl.constant("NEG_TWO"));
        assertEquals(new Pair(-1, 1), Dsl.constant("UP_RIGHT"));
        assertEquals(new Pair(3, 3), Dsl.constant("THREE_BY_THREE"));
    }

    @Test
    void primitivesAreSingleValuesOrderedByIndexInSets() {
        assertSame(Dsl.require("add"), Dsl.primitive("add"));
        FSet s = FSet.of(Dsl.require("vperiod"), Dsl.require("identity"), Dsl.require("add"));
        assertEquals(List.of("identity", "add", "vperiod"),
                List.of(((Fn) s.get(0)).name(), ((Fn) s.get(1)).name(), ((Fn) s.get(2)).name()));
        DslException e = assertThrows(DslException.class, () -> Dsl.require("nosuch"));
        assertTrue(e.getMessage().contains("nosuch"));
    }
}
