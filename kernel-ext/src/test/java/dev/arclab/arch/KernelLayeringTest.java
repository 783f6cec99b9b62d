package dev.arclab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * kernel-ext on top of lib (ARCHITECTURE.md): the magics and the kernel parse, call the session and render; they
 * never reach into a batch's DAG (its node table, its members, nodes) nor into the thread pool.
 */
class KernelLayeringTest {
    private static final JavaClasses KERNEL_EXT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)  // kernel-ext's classes are in a folder
            .importPackages("dev.arclab.magics", "dev.arclab.kernel");

    @Test
    void nothingInKernelExtTouchesTheNodeTableOrBatchInternals() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("dev.arclab.program.NodeTable")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.arclab.program.Node")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.arclab.pipeline.Batch")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.arclab.pipeline.Batch$Member")
                .orShould().dependOnClassesThat().resideInAPackage("dev.arclab.work..")
                .check(KERNEL_EXT);
    }

    @Test
    void theMagicsAndTheKernelBuildNoPipelineOfTheirOwn() {
        // the session (lab.Session) builds it, as for the command line: one stateful session type
        noClasses().should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.type(dev.arclab.pipeline.Pipeline.class))))
                .check(KERNEL_EXT);
    }
}
