package org.jgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jgrad.backend.Buffer;
import org.jgrad.ops.TensorArithmetic;
import org.jgrad.ops.TensorShapes;
import org.junit.jupiter.api.Test;

/**
 * One way to do each thing (issue 17): users call {@link Tensor}'s methods, so no public class of
 * {@code org.jgrad} or {@code org.jgrad.ops} offers a static method of the same name taking a
 * tensor (as {@code Arithmetic.add(a, b)} and {@code Tensors.where} did), and Tensor
 * shows users no backend buffer (jgrad's own code reaches it through {@code org.jgrad.internal}).
 */
class PublicApiTest {

    @Test
    void noPublicStaticMethodRepeatsATensorMethod() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<String> tensorMethods = Arrays.stream(Tensor.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class)
                .map(Method::getName).collect(Collectors.toSet());
        List<String> repeats = new ArrayList<>();
        int classes = 0;
        for (Class<?> anchor : List.of(Tensor.class, TensorArithmetic.class)) {
            for (Class<?> type : PackageClasses.of(anchor)) {
                if (!Modifier.isPublic(type.getModifiers())) {
                    continue;
                }
                classes++;
                for (Method m : type.getDeclaredMethods()) {
                    if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                            && tensorMethods.contains(m.getName()) && Arrays.asList(m.getParameterTypes()).contains(Tensor.class)) {
                        repeats.add(type.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), repeats, "call these as Tensor's methods; a static twin is a second way");
        assertTrue(classes > 10, "expected the public classes of org.jgrad and org.jgrad.ops, found " + classes);
        assertTrue(tensorMethods.containsAll(Set.of("add", "softmax", "sum", "matmul", "reshape", "where", "toType")),
                "Tensor's op methods come from its chain: " + tensorMethods);
    }

    @Test
    void tensorShowsNoBackendBufferNorStorageViews() {
        List<String> internal = Arrays.stream(Tensor.class.getMethods())
                .filter(m -> m.getReturnType() == Buffer.class || Arrays.asList(m.getParameterTypes()).contains(Buffer.class)
                        || Set.of("wrap", "viewStorage", "buffer").contains(m.getName()))
                .map(Method::getName).toList();
        assertEquals(List.of(), internal, "backend buffers are reached through org.jgrad.internal.TensorAccess");
    }

    @Test
    void onlyTensorExtendsTheChainOfItsOpMethods() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TensorShapes() { });
        assertTrue(e.getMessage().contains("only org.jgrad.Tensor extends"), e.getMessage());
    }
}
