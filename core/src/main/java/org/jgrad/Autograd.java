package org.jgrad;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reverse-mode engine: walks the graph under a root once, in reverse topological order. */
final class Autograd {
    private Autograd() {
    }

    static void backward(Tensor root, Tensor gradient, boolean retainGraph) {
        List<Tensor> order = topologicalOrder(root);
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        grads.put(root, gradient);
        boolean wasInBackward = AnomalyMode.inBackward(true);
        try (NoGrad ignored = NoGrad.enter()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor node = order.get(i);
                Tensor grad = grads.remove(node);
                if (grad == null) {
                    continue;
                }
                Function fn = node.gradFn();
                if (fn == null) {
                    node.accumulateGrad(grad);
                    continue;
                }
                if (fn.isReleased()) {
                    throw fn.freedGraph();
                }
                propagate(fn, grad, grads);
                if (!retainGraph) {
                    fn.release();
                }
            }
        } finally {
            AnomalyMode.inBackward(wasInBackward);
        }
    }

    private static void propagate(Function fn, Tensor grad, Map<Tensor, Tensor> grads) {
        Tensor[] inputs = fn.inputs();
        Tensor[] inputGrads = fn.backward(grad);
        for (int j = 0; j < inputs.length; j++) {
            Tensor input = inputs[j];
            Tensor g = inputGrads[j];
            if (g == null || !input.requiresGrad()) {
                continue;
            }
            if (!Arrays.equals(g.shape(), input.shape())) {
                throw new IllegalStateException(fn.name() + ".backward returned a gradient of shape "
                        + Shape.toString(g.shape()) + " for input " + j + " of shape " + Shape.toString(input.shape()));
            }
            if (AnomalyMode.isEnabled()) {
                AnomalyMode.checkBackward(fn.name(), j, g, inputs);
            }
            grads.merge(input, g, Tensor::add);
        }
    }

    /** Tensors that need a gradient under {@code root}, each after every tensor it was made from. */
    private static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Tensor> stack = new ArrayDeque<>();
        Deque<Integer> nextChild = new ArrayDeque<>();
        stack.push(root);
        nextChild.push(0);
        visited.add(root);
        while (!stack.isEmpty()) {
            Tensor node = stack.peek();
            int child = nextChild.pop();
            Function fn = node.gradFn();
            Tensor[] inputs = fn == null ? new Tensor[0] : fn.inputs();
            if (child < inputs.length) {
                nextChild.push(child + 1);
                Tensor input = inputs[child];
                if (input.requiresGrad() && visited.add(input)) {
                    stack.push(input);
                    nextChild.push(0);
                }
            } else {
                order.add(stack.pop());
            }
        }
        return order;
    }
}
