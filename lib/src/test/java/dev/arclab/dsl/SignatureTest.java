package dev.arclab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void everyPrimitiveOfTheVocabularyHasASignatureOfItsArity() {
        assertEquals(160, Signature.all().size());
        assertEquals(Dsl.vocabularySize(), Signature.all().size());
        for (Primitive p : Dsl.primitives()) {
            Signature s = Signature.of(p.name());
            assertEquals(p.arity(), s.arity(), p.name());
        }
    }

    @Test
    void declaredTypesFromTheSpec() {
        Signature objects = Signature.of("objects");
        assertEquals(List.of("Grid", "Boolean", "Boolean", "Boolean"), objects.params());
        assertEquals("Objects", objects.returns());
        assertEquals(Signature.Family.BOOLEAN, objects.paramFamily(1));
        assertEquals(Signature.Family.SET, objects.returnFamily());
        assertTrue(Signature.of("rot90").sameShape(Signature.of("hmirror")) == Signature.of("rot90").returns().equals(Signature.of("hmirror").returns()));
        assertTrue(Signature.of("rot90").sameShape(Signature.of("rot180")));
        assertFalse(Signature.of("rot90").sameShape(Signature.of("size")));
    }

    @Test
    void signaturesParseAsTheSpecWritesThemAndBadOnesSaySo() {
        Signature s = Signature.parse("crop(grid: Grid, start: IntegerTuple, dims: IntegerTuple) -> Grid");
        assertEquals(new Signature("crop", List.of("Grid", "IntegerTuple", "IntegerTuple"), "Grid"), s);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Signature.parse("crop(grid Grid) -> Grid"));
        assertTrue(e.getMessage().contains("'grid Grid'"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Signature.parse("crop(grid: Grid)"));
    }
}
