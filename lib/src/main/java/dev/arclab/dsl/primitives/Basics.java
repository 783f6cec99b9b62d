package dev.arclab.dsl.primitives;

import dev.arclab.dsl.Dsl;

/**
 * Numbers, logic, containers and higher-order application: dsl-spec §7.2 entries 1-53 and 61-66
 * (the builders 54-60 live in {@link dev.arclab.dsl.BuiltFn}). Implementations are in
 * {@link Numbers}, {@link Containers} and {@link Application}.
 */
public final class Basics {
    private Basics() {
    }

    public static void register(Dsl.Registrar r) {
        r.f1("identity", Basics::identity);
        r.f2("add", Numbers::add);
        r.f2("subtract", Numbers::subtract);
        r.f2("multiply", Numbers::multiply);
        r.f2("divide", Numbers::divide);
        r.f1("invert", Numbers::invert);
        r.f1("even", Numbers::even);
        r.f1("double", Numbers::double_);
        r.f1("halve", Numbers::halve);
        r.f1("flip", Numbers::flip);
        r.f2("equality", Containers::equality);
        r.f2("contained", Containers::contained);
        r.f2("combine", Containers::combine);
        r.f2("intersection", Containers::intersection);
        r.f2("difference", Containers::difference);
        r.f1("dedupe", Containers::dedupe);
        r.f2("order", Containers::order);
        r.f2("repeat", Containers::repeat);
        r.f2("greater", Containers::greater);
        r.f1("size", Containers::size);
        r.f1("merge", Containers::merge);
        r.f1("maximum", Containers::maximum);
        r.f1("minimum", Containers::minimum);
        r.f2("valmax", Containers::valmax);
        r.f2("valmin", Containers::valmin);
        r.f2("argmax", Containers::argmax);
        r.f2("argmin", Containers::argmin);
        r.f1("mostcommon", Containers::mostcommon);
        r.f1("leastcommon", Containers::leastcommon);
        r.f1("initset", Containers::initset);
        r.f2("both", Containers::both);
        r.f2("either", Containers::either);
        r.f1("increment", Numbers::increment);
        r.f1("decrement", Numbers::decrement);
        r.f1("crement", Numbers::crement);
        r.f1("sign", Numbers::sign);
        r.f1("positive", Numbers::positive);
        r.f1("toivec", Numbers::toivec);
        r.f1("tojvec", Numbers::tojvec);
        r.f2("sfilter", Containers::sfilter);
        r.f2("mfilter", Containers::mfilter);
        r.f2("extract", Containers::extract);
        r.f1("totuple", Containers::totuple);
        r.f1("first", Containers::first);
        r.f1("last", Containers::last);
        r.f2("insert", Containers::insert);
        r.f2("remove", Containers::remove);
        r.f2("other", Containers::other);
        r.f3("interval", Containers::interval);
        r.f2("astuple", Containers::astuple);
        r.f2("product", Containers::product);
        r.f2("pair", Containers::pair);
        r.f3("branch", Containers::branch);
        r.f2("apply", Application::apply);
        r.f2("rapply", Application::rapply);
        r.f2("mapply", Application::mapply);
        r.f3("papply", Application::papply);
        r.f3("mpapply", Application::mpapply);
        r.f3("prapply", Application::prapply);
    }

    public static Object identity(Object x) {
        return x;
    }
}
