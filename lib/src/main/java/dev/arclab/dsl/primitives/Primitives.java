package dev.arclab.dsl.primitives;

import dev.arclab.dsl.Primitive;
import dev.arclab.dsl.Vocabulary;
import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * The classes that hold the primitives' bodies, each declared beside its body with {@code @Def}: the one
 * list to extend when a class of primitives is added. {@code Dsl} finds this through
 * {@code META-INF/services/dev.arclab.dsl.Vocabulary}.
 */
public final class Primitives implements Vocabulary {

    @Override
    public List<Primitive> primitives() {
        return Primitive.declaredIn(MethodHandles.lookup(), Basics.class, Numbers.class, Containers.class, Application.class,
                Geometry.class, Boxes.class, Colors.class, Painting.class, Segmentation.class, GridOps.class);
    }
}
