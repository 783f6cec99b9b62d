package dev.arclab.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.arclab.pipeline.Pipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package map of ARCHITECTURE.md, enforced on the compiled classes of lib: no loops between packages,
 * each package above only the ones it may use, and the three places where a loop would come back
 * (phases calling back into the chain, primitives importing the vocabulary, strategies importing phases).
 */
class LayeringTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.arclab");
    }

    @Test
    void noTwoPackagesImportEachOther() {
        slices().matching("dev.arclab.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noLoopsInsideThePipelineEither() {
        slices().matching("dev.arclab.pipeline.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("work").definedBy("dev.arclab.work..")
                .layer("dsl").definedBy("dev.arclab.dsl..")
                .layer("task").definedBy("dev.arclab.task..")
                .layer("program").definedBy("dev.arclab.program..")
                .layer("profile").definedBy("dev.arclab.profile..")
                .layer("cache").definedBy("dev.arclab.cache..")
                .layer("pipeline").definedBy("dev.arclab.pipeline..")
                .optionalLayer("search").definedBy("dev.arclab.search..")
                .layer("report").definedBy("dev.arclab.report..")
                .layer("cluster").definedBy("dev.arclab.cluster..")
                .layer("lab").definedBy("dev.arclab.lab..")
                .layer("cli").definedBy("dev.arclab.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("lab").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("cluster").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("search").mayOnlyBeAccessedByLayers("cluster", "lab", "cli")
                .whereLayer("pipeline").mayOnlyBeAccessedByLayers("search", "cluster", "lab", "cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("lab", "cli")
                .whereLayer("cache").mayOnlyBeAccessedByLayers("pipeline", "search", "cluster", "lab", "cli")
                .whereLayer("program").mayOnlyBeAccessedByLayers("pipeline", "search", "cluster", "lab", "cli")
                .whereLayer("profile").mayOnlyBeAccessedByLayers("cache", "pipeline", "search", "cluster", "report", "lab", "cli")
                .whereLayer("task").mayOnlyBeAccessedByLayers("program", "pipeline", "search", "cluster", "report", "lab", "cli")
                .whereLayer("work").mayOnlyBeAccessedByLayers("program", "profile", "pipeline", "search", "cluster", "lab",
                        "cli")
                .check(classes);
    }

    @Test
    void threadPoolsAreMadeOnlyByTheWorkerPool() {
        // one pool abstraction: the pipeline, the strategies and the conformance runner all run on work.WorkerPool
        noClasses().that().resideOutsideOfPackage("dev.arclab.work..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadPoolExecutor")
                .check(classes);
    }

    @Test
    void phasesAndStrategiesDoNotCallBackIntoTheChain() {
        noClasses().that().resideInAnyPackage("dev.arclab.pipeline.phase..", "dev.arclab.pipeline.strategy..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.arclab.pipeline.Pipeline")
                .check(classes);
        noClasses().that().resideInAPackage("dev.arclab.pipeline.strategy..")
                .should().dependOnClassesThat().resideInAPackage("dev.arclab.pipeline.phase..")
                .check(classes);
    }

    @Test
    void onlyTheSessionBuildsAPipeline() {
        // commands open a lab.Session (store, cluster, budget and iterations included) instead of a Pipeline of their own
        constructors().that().areDeclaredIn(Pipeline.class)
                .should().onlyBeCalled().byClassesThat(resideInAPackage("dev.arclab.lab..").or(equivalentTo(Pipeline.class)))
                .check(classes);
    }

    @Test
    void onlyTheClusterPackageTouchesHazelcast() {
        // so a session that never joins a cluster loads no Hazelcast class
        noClasses().that().resideOutsideOfPackage("dev.arclab.cluster..")
                .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
                .check(classes);
    }

    @Test
    void primitivesDoNotImportTheVocabularyBack() {
        noClasses().that().resideInAPackage("dev.arclab.dsl.primitives..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.arclab.dsl.Dsl")
                .check(classes);
        noClasses().that().resideInAPackage("dev.arclab.dsl")
                .should().dependOnClassesThat().resideInAPackage("dev.arclab.dsl.primitives..")
                .check(classes);
    }

    @Test
    void theCacheKnowsNothingOfThePipelinesRecords() {
        noClasses().that().resideInAPackage("dev.arclab.cache..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.arclab.pipeline..", "dev.arclab.program..",
                        "dev.arclab.task..")
                .check(classes);
    }
}
